import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleDefinition } from '@dockerfile-opt/core';
import { fixRule, lintRule } from '../_test/harness.js';

/**
 * A fixture case of `fixtures/rules/<id>/<case>/`: `Dockerfile` (input), `findings.txt` (one
 * `line:column-endLine:endColumn message` per finding), and optionally `fixed.Dockerfile` (after
 * safe fixes) and `fixed-unsafe.Dockerfile` (after unsafe fixes too). A missing fixed file means
 * the fixes leave the input unchanged.
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

export function fixtureCases(rule: RuleDefinition): FixtureCase[] {
  const dir = join(FIXTURES, rule.id);
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const input = readFileSync(join(dir, name, 'Dockerfile'), 'utf8');
      const actualFindings = lintRule(rule, input)
        .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}\n`)
        .join('');
      const expectedSafe = readOr(join(dir, name, 'fixed.Dockerfile'), input);
      return {
        name,
        input,
        expectedFindings: readFileSync(join(dir, name, 'findings.txt'), 'utf8'),
        actualFindings,
        expectedSafe,
        actualSafe: fixRule(rule, input),
        expectedUnsafe: readOr(join(dir, name, 'fixed-unsafe.Dockerfile'), expectedSafe),
        actualUnsafe: fixRule(rule, input, { unsafe: true }),
      };
    });
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

