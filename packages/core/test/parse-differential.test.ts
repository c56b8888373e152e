import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import fc from 'fast-check';
import { corpusMutation, dockerfileLike, mutate, syntaxSoup } from '../../../tests/arbitraries.js';
import { CORPUS_DIR, TEMPLATES_DIR, manifestFiles, walk } from '../../../tests/corpus.js';
import { parseDockerfile, type FromNode } from '../src/index.js';
import { parseDockerfile as legacyParse } from './legacy/parse-dockerfile-ast.js';

/*
 * The scanner (src/parse) must build the same tree as the dockerfile-ast based builder it
 * replaced (test/legacy), on every real Dockerfile and on random and mutated text.
 *
 * Deliberate differences (each has its own exact test below):
 * 1. dockerfile-ast throws a TypeError from `getHeredocs` when an instruction goes on past its
 *    first line through an unescaped line break without a `<<` word on the first line (e.g.
 *    `RUN a \ ` + newline + `\# c`): the scanner never throws, and reports no heredocs there.
 */
const LEGACY_HEREDOC_CRASH = "Cannot read properties of undefined (reading 'getRange')";

/** The first difference between two trees as `path: old !== new`, or null. ONBUILD parents point back up the tree: compared by presence. */
function firstDifference(old: unknown, neu: unknown, path: string): string | null {
  if (Object.is(old, neu)) return null;
  if (typeof old !== 'object' || typeof neu !== 'object' || old === null || neu === null || Array.isArray(old) !== Array.isArray(neu)) {
    return `${path}: ${JSON.stringify(old)} !== ${JSON.stringify(neu)}`;
  }
  const a = old as Record<string, unknown>;
  const b = neu as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'onbuildParent') {
      if ((a[key] === null) !== (b[key] === null)) return `${path}.${key}: presence differs`;
      continue;
    }
    const difference = firstDifference(a[key], b[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** How the new parse differs from the old one on `text`, or null when it does not (or differs deliberately). */
function compare(text: string): string | null {
  let old;
  try {
    old = legacyParse(text);
  } catch (error) {
    if (error instanceof TypeError && error.message === LEGACY_HEREDOC_CRASH) {
      parseDockerfile(text);
      return null;
    }
    return `the legacy parser threw ${String(error)}`;
  }
  return firstDifference(old, parseDockerfile(text), 'root');
}

function differences(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const out: string[] = [];
  for (const { path, text } of files) {
    const difference = compare(text);
    if (difference) out.push(`${path}: ${difference}`);
  }
  return out;
}

const FIXTURES_DIR = resolve(import.meta.dirname, '../../../fixtures');

describe('the scanner builds the same tree as the dockerfile-ast based parser', () => {
  test('on every file of the real-world corpus', () => {
    const files = manifestFiles(CORPUS_DIR);
    expect(files.length).toBeGreaterThan(2000);
    expect(differences(files)).toEqual([]);
  }, 300_000);

  test('on every template and broken file', () => {
    const files = manifestFiles(TEMPLATES_DIR);
    expect(files.length).toBeGreaterThan(300);
    expect(differences(files)).toEqual([]);
  }, 120_000);

  test("on every file of the repository's fixtures", () => {
    const files = walk(FIXTURES_DIR).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(400);
    expect(differences(files)).toEqual([]);
  }, 120_000);

  test('on the Dockerfile-like text of the fuzz tests, with LF and CRLF line breaks', () => {
    fc.assert(
      fc.property(dockerfileLike, fc.boolean(), (text, crlf) => {
        expect(compare(crlf ? text.replace(/\n/g, '\r\n') : text)).toBeNull();
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  }, 120_000);

  test('on mutations of corpus files', () => {
    const files = manifestFiles(CORPUS_DIR);
    fc.assert(
      fc.property(corpusMutation(files.length), (edit) => {
        expect(compare(mutate((files[edit.file] as { text: string }).text, edit))).toBeNull();
      }),
      { numRuns: 1500, seed: 11292026 },
    );
  }, 300_000);

  test('on dense mixes of escapes, quotes, heredocs, flags and line breaks', () => {
    fc.assert(
      fc.property(syntaxSoup, (text) => {
        expect(compare(text)).toBeNull();
      }),
      { numRuns: 5000, seed: 7 },
    );
  }, 120_000);
});

describe('deliberate differences', () => {
  test('1. an unescaped line break with no heredoc opener: dockerfile-ast throws, the scanner reports no heredocs', () => {
    const text = 'RUN a \\ \n\\# c\n';
    expect(() => legacyParse(text)).toThrow(new TypeError(LEGACY_HEREDOC_CRASH));
    const root = parseDockerfile(text);
    expect(root.errors).toEqual([]);
    const [run] = root.instructions;
    expect(run?.range).toEqual([0, 14]);
    expect(run?.heredocs).toEqual([]);
    expect(run?.args.map((a) => [a.text, a.value])).toEqual([
      ['a', 'a'],
      ['\\#', '#'],
      ['c', 'c'],
    ]);
  });
});

describe('the legacy parser', () => {
  test('leaves dockerfile-ast unchanged: arguments and variables are memoized only during a parse', () => {
    const methods = (): unknown[] => {
      const prototype = Instruction.prototype as unknown as Record<string, unknown>;
      return [prototype['getRawArguments'], prototype['getVariables']];
    };
    const before = methods();
    const root = legacyParse('ARG REG=docker.io\nFROM ${REG}/library/node:${V:-20}@sha256:abc AS build\nRUN a b c\n');
    expect(methods()).toEqual(before);
    const { image } = root.instructions[1] as FromNode;
    expect([image?.registry?.text, image?.name?.text, image?.tag?.text, image?.digest?.text]).toEqual([undefined, '${REG}/library/node', '${V:-20}', 'sha256:abc']);
    const from = DockerfileParser.parse('FROM docker.io/library/node:20\n').getFROMs()[0];
    expect(from?.getArguments()).not.toBe(from?.getArguments());
    expect([from?.getRegistry(), from?.getImageName(), from?.getImageTag()]).toEqual(['docker.io', 'library/node', '20']);
  });
});
