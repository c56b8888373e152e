import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleDefinition } from '@dockerfile-opt/core';
import { fixRule, lintRule } from '../_test/harness.js';

/**
 * Test support (imported by rule tests only): the cases of `fixtures/rules/<id>/<case>/`, each a
 * `Dockerfile`, its `findings.txt` (one `line:column-endLine:endColumn message` a line) and,
 * when fixes change it, `fixed.Dockerfile` (safe fixes) and `fixed-unsafe.Dockerfile` (all fixes).
 * Returns expected and actual side by side, so that one `toEqual` shows every difference.
 */
export function checkFixtures(rule: RuleDefinition): { expected: Record<string, string>; actual: Record<string, string> } {
  const dir = new URL(`../../fixtures/rules/${rule.id}/`, import.meta.url).pathname;
  const expected: Record<string, string> = {};
  const actual: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const read = (file: string, fallback: string): string => (existsSync(join(dir, name, file)) ? readFileSync(join(dir, name, file), 'utf8') : fallback);
    const input = read('Dockerfile', '');
    expected[`${name}/findings.txt`] = read('findings.txt', '');
    actual[`${name}/findings.txt`] = lintRule(rule, input)
      .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}\n`)
      .join('');
    const safe = fixRule(rule, input);
    const unsafe = fixRule(rule, input, { unsafe: true });
    expected[`${name}/fixed.Dockerfile`] = read('fixed.Dockerfile', input);
    actual[`${name}/fixed.Dockerfile`] = safe;
    expected[`${name}/fixed-unsafe.Dockerfile`] = read('fixed-unsafe.Dockerfile', expected[`${name}/fixed.Dockerfile`] as string);
    actual[`${name}/fixed-unsafe.Dockerfile`] = unsafe;
    // Fixing the fixed text again changes nothing.
    expected[`${name}/refix`] = `${safe}\n---\n${unsafe}`;
    actual[`${name}/refix`] = `${fixRule(rule, safe)}\n---\n${fixRule(rule, unsafe, { unsafe: true })}`;
  }
  return { expected, actual };
}
