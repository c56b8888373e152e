import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { fixWithRules, lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/index.js';

// Every rule through ESLint gives what the core engine gives: the same findings, fixes and
// suggestions, and the same fixed text, on every Dockerfile of the repository's fixtures.

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixturesRoot = join(repoRoot, 'fixtures');
const foldersIn = (dir: string): string[] =>
  readdirSync(join(fixturesRoot, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
// fixtures/eslint/<name>/Dockerfile and fixtures/rules/<rule>/<case>/Dockerfile
const dockerfiles = [...foldersIn('eslint'), ...foldersIn('rules').flatMap(foldersIn)]
  .map((dir) => join(dir, 'Dockerfile'))
  .filter((path) => existsSync(join(fixturesRoot, path)))
  .sort();

const all: Linter.Config[] = [plugin.configs.all];
const lint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: all });
const fix = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: all, fix: true });

type Row = [string | null, number, number, number | undefined, number | undefined, string, unknown, unknown];
/** Findings at the same place come out in rule order in ESLint and in id order in the core. */
const byPlace = (a: Row, b: Row): number => a[1] - b[1] || a[2] - b[2] || (a[0] ?? '').localeCompare(b[0] ?? '');

describe('configs.all against the core engine with `extends: all`', () => {
  test('there are fixtures, with findings of many rules and parse errors among them', () => {
    expect(dockerfiles.length).toBeGreaterThan(20);
    const ids = new Set(dockerfiles.flatMap((f) => lintWithRules(readFileSync(join(fixturesRoot, f), 'utf8'), rules, { config: { extends: 'all' } }).result.messages.map((m) => m.ruleId)));
    expect(ids.size).toBeGreaterThan(20);
    expect(ids.has(null)).toBe(true);
  });

  test.each(dockerfiles)('fixtures/%s', async (file) => {
    const text = readFileSync(join(fixturesRoot, file), 'utf8');
    const core = lintWithRules(text, rules, { config: { extends: 'all' } }).result.messages;
    const [result] = await lint.lintText(text, { filePath: 'Dockerfile' });
    // `# eslint-disable` comments are ESLint's own: what they suppress still counts here.
    const eslintRows = [...(result?.messages ?? []), ...(result?.suppressedMessages ?? [])].map(
      (m): Row => [m.ruleId?.replace(/^dockerfile-opt\//, '') ?? null, m.line, m.column, m.endLine, m.endColumn, m.message, m.fix, m.suggestions],
    );
    const coreRows = core.map((m): Row => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message, m.fix, m.suggestions]);
    expect(eslintRows.sort(byPlace)).toEqual(coreRows.sort(byPlace));
    if (!/eslint-disable/.test(text)) {
      const [fixed] = await fix.lintText(text, { filePath: 'Dockerfile' });
      expect(fixed?.output ?? text).toBe(fixWithRules(text, rules, { config: { extends: 'all' } }).output);
    }
  });
});
