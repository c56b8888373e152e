import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleDefinition } from '@dockerfile-opt/core';
import { fixRule, lintRule } from './harness.js';

/**
 * Test support for rule tests: the fixture cases of `fixtures/rules/<id>/<case>/` and the seed's
 * diamol examples from the shared corpus.
 *
 * A case is a `Dockerfile`, its `findings.txt` (one `line:column-endLine:endColumn message` a
 * line; missing: no findings) and, when fixes change it, `fixed.Dockerfile` (after the safe
 * fixes) and `fixed-unsafe.Dockerfile` (after all fixes). A missing fixed file means the fixes
 * leave the input as it is.
 */
export interface FixtureCase {
  name: string;
  input: string;
  expectedFindings: string;
  actualFindings: string;
  expectedSafe: string;
  actualSafe: string;
  expectedUnsafe: string;
  actualUnsafe: string;
}

const FIXTURES = new URL('../../fixtures/rules/', import.meta.url).pathname;

function readOr(path: string, fallback: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : fallback;
}

/** Every case of the rule's fixture folder, expected and actual, in name order. */
export function fixtureCases(rule: RuleDefinition): FixtureCase[] {
  const dir = join(FIXTURES, rule.id);
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const input = readOr(join(dir, name, 'Dockerfile'), '');
      const expectedSafe = readOr(join(dir, name, 'fixed.Dockerfile'), input);
      return {
        name,
        input,
        expectedFindings: readOr(join(dir, name, 'findings.txt'), ''),
        actualFindings: lintRule(rule, input)
          .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}\n`)
          .join(''),
        expectedSafe,
        actualSafe: fixRule(rule, input),
        expectedUnsafe: readOr(join(dir, name, 'fixed-unsafe.Dockerfile'), expectedSafe),
        actualUnsafe: fixRule(rule, input, { unsafe: true }),
      };
    });
}

/**
 * Every case as files, expected and actual side by side, so that one `toEqual` shows every
 * difference; `<case>/refix` checks that fixing the fixed text again changes nothing.
 */
export function checkFixtures(rule: RuleDefinition): { expected: Record<string, string>; actual: Record<string, string> } {
  const expected: Record<string, string> = {};
  const actual: Record<string, string> = {};
  for (const c of fixtureCases(rule)) {
    expected[`${c.name}/findings.txt`] = c.expectedFindings;
    actual[`${c.name}/findings.txt`] = c.actualFindings;
    expected[`${c.name}/fixed.Dockerfile`] = c.expectedSafe;
    actual[`${c.name}/fixed.Dockerfile`] = c.actualSafe;
    expected[`${c.name}/fixed-unsafe.Dockerfile`] = c.expectedUnsafe;
    actual[`${c.name}/fixed-unsafe.Dockerfile`] = c.actualUnsafe;
    expected[`${c.name}/refix`] = `${c.actualSafe}\n---\n${c.actualUnsafe}`;
    actual[`${c.name}/refix`] = `${fixRule(rule, c.actualSafe)}\n---\n${fixRule(rule, c.actualUnsafe, { unsafe: true })}`;
  }
  return { expected, actual };
}

// The shared corpus lies beside the checkout (`../shared/corpus`), wherever the checkout is.
const DIAMOL_CH04 = new URL('../../../shared/corpus/sixeyed__diamol/ch04', import.meta.url).pathname;

/** The Dockerfiles of the book's chapter 4 (the seed's examples), from the shared corpus. */
export function diamolChapter4(): Array<{ path: string; text: string }> {
  if (!existsSync(DIAMOL_CH04)) {
    throw new Error(`The diamol chapter 4 examples are missing: expected them in ${DIAMOL_CH04} (the shared corpus CI provides).`);
  }
  const out: Array<{ path: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/dockerfile/i.test(entry.name)) out.push({ path: path.slice(DIAMOL_CH04.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  walk(DIAMOL_CH04);
  return out;
}
