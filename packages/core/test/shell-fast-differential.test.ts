import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { CORPUS_DIR, TEMPLATES_DIR, manifestFiles, walk } from '../../../tests/corpus.js';
import { parseDockerfile, shellSourceOf, type InstructionNode } from '../src/index.js';
import { runScriptSources } from '../src/model/filesystem.js';
import { parseShellFast, shellFastRejection } from '../src/parse/shell-fast.js';
import { parseShellTreeSitter } from '../src/parse/shell.js';

/*
 * The hand-written shell parser (src/parse/shell-fast.ts) must give exactly what tree-sitter-bash
 * and the collector give, or decline (null). Compared on every shell text the linter parses in
 * the corpus, the templates and the fixtures, and on random and mutated text.
 */

const FIXTURES_DIR = resolve(import.meta.dirname, '../../../fixtures');
/** The start-up benchmark's file (bench/startup.mjs): every script of it must take the fast path. */
const BENCHMARK_FILE = resolve(CORPUS_DIR, 'docker-library__python/3.13/bookworm/Dockerfile');

/** Coverage floors, a little under what the parser reaches, so that a coverage regression fails. */
const FLOOR_OF_ALL = 0.85;
const FLOOR_OF_ERROR_FREE = 0.955;

/**
 * Every text the linter hands to the shell parser for `source`: the RUN scripts as the model
 * builds them (filesystem.ts), the shell forms of CMD and ENTRYPOINT (rules/cmd-missing-executable),
 * and the joined texts that rules/consecutive-run and rules/_shared/run-helpers.ts parse to check
 * a fix (`previous && next`, `body && cleanup`).
 */
function shellTexts(source: string): string[] {
  const root = parseDockerfile(source);
  const texts: string[] = [];
  const body = (node: InstructionNode): string | null =>
    node.bodyRange ? shellSourceOf(root.text.slice(node.bodyRange[0], node.bodyRange[1]), root.escapeChar) : null;
  let previous: string | null = null;
  for (const node of root.instructions) {
    const shellForm = !node.execForm && node.heredocs.length === 0 ? body(node) : null;
    if (node.type === 'RUN') {
      texts.push(...runScriptSources(root, node).map((s) => s.text));
      if (shellForm !== null) {
        const trimmed = shellForm.replace(/[\s\\]+$/, '');
        texts.push(trimmed, `${trimmed} && rm -rf /var/lib/apt/lists/*`);
        if (previous !== null) texts.push(`${previous} && ${shellForm}`);
        previous = trimmed;
        continue;
      }
    } else if ((node.type === 'CMD' || node.type === 'ENTRYPOINT') && shellForm !== null) {
      texts.push(shellForm);
    }
    previous = null;
  }
  return texts;
}

function uniqueTexts(files: ReadonlyArray<{ text: string }>): string[] {
  return [...new Set(files.flatMap((f) => shellTexts(f.text)))];
}

/** The first difference between two values as `path: fast !== tree-sitter`, or null. */
function firstDifference(fast: unknown, slow: unknown, path: string): string | null {
  if (Object.is(fast, slow)) return null;
  if (typeof fast !== 'object' || typeof slow !== 'object' || fast === null || slow === null || Array.isArray(fast) !== Array.isArray(slow)) {
    return `${path}: ${JSON.stringify(fast)} !== ${JSON.stringify(slow)}`;
  }
  const a = fast as Record<string, unknown>;
  const b = slow as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const difference = firstDifference(a[key], b[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** How the fast parse of `text` differs from tree-sitter's, or null when it declines or agrees. Throws if it throws. */
function compare(text: string): string | null {
  const fast = parseShellFast(text);
  if (fast === null) return null;
  return firstDifference(fast, parseShellTreeSitter(text), 'script');
}

function report(texts: readonly string[]): { mismatches: string[]; accepted: number; errorFree: number; reasons: Map<string, number> } {
  const mismatches: string[] = [];
  const reasons = new Map<string, number>();
  let accepted = 0;
  let errorFree = 0;
  for (const text of texts) {
    const slow = parseShellTreeSitter(text);
    if (!slow.hasError) errorFree++;
    const fast = parseShellFast(text);
    if (fast === null) {
      const reason = shellFastRejection(text)?.reason ?? '?';
      if (!slow.hasError) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    accepted++;
    const difference = firstDifference(fast, slow, 'script');
    if (difference) mismatches.push(`${JSON.stringify(text.slice(0, 200))}: ${difference}`);
  }
  return { mismatches, accepted, errorFree, reasons };
}

function summary(name: string, texts: readonly string[], result: ReturnType<typeof report>): string {
  const top = [...result.reasons].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([r, n]) => `${n} ${r}`);
  return (
    `${name}: ${result.accepted} of ${texts.length} shell texts take the fast path ` +
    `(${((100 * result.accepted) / texts.length).toFixed(1)}%; ${((100 * result.accepted) / result.errorFree).toFixed(1)}% ` +
    `of the ${result.errorFree} that tree-sitter parses without error). Declined most: ${top.join(', ')}`
  );
}

describe('the fast shell parser gives what tree-sitter gives, or declines', () => {
  test('on every shell text of the real-world corpus', () => {
    const texts = uniqueTexts(manifestFiles(CORPUS_DIR));
    expect(texts.length).toBeGreaterThan(5000);
    const result = report(texts);
    console.log(summary('corpus', texts, result));
    expect(result.mismatches).toEqual([]);
    expect(result.accepted / texts.length).toBeGreaterThan(FLOOR_OF_ALL);
    expect(result.accepted / result.errorFree).toBeGreaterThan(FLOOR_OF_ERROR_FREE);
  }, 300_000);

  test('on every shell text of the templates and broken files', () => {
    const texts = uniqueTexts(manifestFiles(TEMPLATES_DIR));
    expect(texts.length).toBeGreaterThan(500);
    const result = report(texts);
    console.log(summary('templates', texts, result));
    expect(result.mismatches).toEqual([]);
  }, 120_000);

  test("on every shell text of the repository's fixtures", () => {
    const texts = uniqueTexts(walk(FIXTURES_DIR).map((path) => ({ text: readFileSync(path, 'utf8') })));
    expect(texts.length).toBeGreaterThan(200);
    expect(report(texts).mismatches).toEqual([]);
  }, 120_000);

  test('on every script of the start-up benchmark file, which all take the fast path', () => {
    const texts = shellTexts(readFileSync(BENCHMARK_FILE, 'utf8'));
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) {
      expect(shellFastRejection(text)).toBeNull();
      expect(compare(text)).toBeNull();
    }
  });
});

/** Pieces of shell with the characters and keywords that matter to both parsers. */
const TOKENS = [
  'a', 'b', 'echo', 'x1', '-f', '-n', '2', '/p', '12', "'a b'", '"a"', '"$x"', '"$(a)"', '"a$"', '$x', '${x}', '${x:-y}', '${x%%.*}',
  '$(', ')', '(', '{', '}', '[', ']', '[ ', ' ]', ';', ';;', '&&', '||', '|', '&', '>', '<', '2>&1', '>>', '>/dev/null', '\n', '\\\n',
  '\\', '#', '# c\n', 'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'case', 'esac', 'export', 'local', 'unset',
  '!', '=', 'A=', 'A=1', 'B=$(b)', '$', '`a`', '`', '-', '*)', 'x)', '.', '/', ':', '$1', '$@', '$?', "$'a'", '"', "'", '\\"', '-eq', '0',
  'x=y', '{}', '\\;', '\r\n', '\t', '\\ ', 'x$y-$z/w',
];
const SEPARATORS = [' ', ' ', '', '\n', ' \\\n  '];

const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 16 })
  .map((pieces) => pieces.map(([token, separator]) => token + separator).join(''));

const WORDS = [
  'a', 'b', 'x1', '-f', '-n', '2', '/p', "'a b'", '"a"', '"$x"', '"a$"', '$x', '${x}', '${x:-y}', '${x%%.*}', '${#x}', '${x/a/b}', '$1',
  '$@', '$?', "$'a\\n'", '\\;', '{}', 'a{b,c}', '[a]*', '"a\\"b"', 'x$y-$z/w', 'a=b', '--o=$x', '*.c', '~/x', 'a#b', '"$(b)"', '$(b c)',
  '`b`', 'x$(b)', '"${x:-$y}"', 'fi', 'done', 'in', '!', '=', '-eq', 'x$',
];

/** Shell built from a small grammar: commands, lists, pipelines, compound commands, substitutions; nested `depth` levels. */
function grammarScript(depth: number): fc.Arbitrary<string> {
  const inner = depth > 0 ? grammarScript(depth - 1) : fc.constantFrom('a', 'b x', 'c | d', 'e && f');
  const simple = fc
    .record({
      prefix: fc.constantFrom('', '', '', 'A=1 ', 'B=$x ', 'C= ', 'D="$(a)" ', '2>/dev/null ', '>f '),
      name: fc.constantFrom('echo', 'a', 'b', 'apt-get', 'cd', './c', 'test'),
      args: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
      substitution: fc.option(fc.tuple(fc.constantFrom(' "$(|)"', ' $(|)', ' x$(|)', ' `|`'), inner), { freq: 3 }),
      redirect: fc.constantFrom('', '', '', ' > f', ' 2>&1', ' >/dev/null 2>&1', ' < in', ' >> log', ' &> x', ' 2> e x y'),
    })
    .map((c) => {
      const substitution = c.substitution === null ? '' : c.substitution[0].replace('|', c.substitution[1]);
      return `${c.prefix}${c.name}${c.args.map((w) => ` ${w}`).join('')}${substitution}${c.redirect}`;
    });
  const element = fc.oneof(
    { weight: 6, arbitrary: simple },
    inner.map((s) => `( ${s} )`),
    inner.map((s) => `{ ${s}; }`),
    fc.tuple(inner, inner, fc.option(inner)).map(([c, t, e]) => `if ${c}; then ${t}${e === null ? '' : `; else ${e}`}; fi`),
    fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), inner).map(([w, b]) => `for i in ${w.join(' ')}; do ${b}; done`),
    fc.tuple(inner, inner).map(([c, b]) => `while ${c}; do ${b}; done`),
    fc
      .tuple(fc.constantFrom(...WORDS), fc.constantFrom('a', '*', 'x|y', '"q"', 'amd64', 'arm*'), inner, fc.option(inner))
      .map(([v, p, b, d]) => `case ${v} in ${p}) ${b} ;; ${d === null ? '' : `*) ${d};; `}esac`),
    fc.constantFrom('-f x', '"$a" = b', '$x -eq 1', '! -d /p', '-n "$x" -a -z y', 'a', '').map((t) => `[ ${t} ]`),
    fc.constantFrom('export A=1', 'local A', 'declare -x A=$(a b)', 'readonly A="$x" B', 'unset -f a', 'A=1', 'A=$(b) B=2', 'A=', '> f'),
    simple.map((s) => `! ${s}`),
  );
  const andOr = fc
    .tuple(element, fc.array(fc.tuple(fc.constantFrom(' | ', '|', ' |\n ', ' && ', ' || ', ' && \\\n\t'), element), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map(([op, e]) => op + e).join(''));
  return fc
    .tuple(andOr, fc.array(fc.tuple(fc.constantFrom('; ', ';', '\n', ' & ', '; \\\n  ', ' # c\n'), andOr), { maxLength: 2 }))
    .map(([first, rest]) => first + rest.map(([sep, s]) => sep + s).join(''));
}
const script = fc.oneof(grammarScript(0), grammarScript(1), grammarScript(1), grammarScript(2));

/** A generated script with a random token spliced in somewhere. */
const spliced = fc
  .tuple(script, fc.nat(), fc.option(fc.constantFrom(...TOKENS), { freq: 2 }))
  .map(([text, at, token]) => (token === null ? text : text.slice(0, at % (text.length + 1)) + token + text.slice(at % (text.length + 1))));

describe('random and mutated shell: the fast parser declines or agrees, and never throws', () => {
  test('on token soup', () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        expect(compare(text)).toBeNull();
      }),
      { numRuns: 4000, seed: 905 },
    );
  }, 120_000);

  test('on scripts from a small shell grammar', () => {
    fc.assert(
      fc.property(spliced, (text) => {
        expect(compare(text)).toBeNull();
      }),
      { numRuns: 3000, seed: 4242 },
    );
  }, 120_000);

  test('on mutations of corpus scripts', () => {
    const texts = uniqueTexts(manifestFiles(CORPUS_DIR));
    const edit = fc.record({
      script: fc.nat({ max: texts.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 4 }), insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })) }), {
        minLength: 1,
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(edit, ({ script: index, edits }) => {
        let text = texts[index] as string;
        for (const { at, cut, insert } of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + insert + text.slice(pos + cut);
        }
        expect(compare(text)).toBeNull();
      }),
      { numRuns: 1500, seed: 77 },
    );
  }, 300_000);
});
