import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@dockerfile-opt/rules';
import { docsUrl } from '@dockerfile-opt/core';
import { loadFormatter } from '../src/formatters/index.js';
import { emptyResult, makeTempDir, onlyRules, removeTempDir, run, SAMPLE, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'apt-get-yes': 'warn', 'apt-no-install-recommends': 'warn', 'workdir-relative': 'error' }) });
});
afterEach(() => removeTempDir(dir));

describe('--format json', () => {
  test("prints ESLint's result shape, and nothing internal", async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const r = await run(['lint', '-f', 'json'], dir);
    const results = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(1);
    const [result] = results as [Record<string, unknown>];
    expect(Object.keys(result).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'source', 'suppressedMessages', 'unsafeFixableCount', 'usedDeprecatedRules', 'warningCount'].sort(),
    );
    expect(result).toMatchObject({
      filePath: join(dir, 'Dockerfile'),
      errorCount: 1,
      warningCount: 2,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      unsafeFixableCount: 1,
      source: SAMPLE,
      suppressedMessages: [],
      usedDeprecatedRules: [],
    });
    const messages = result.messages as Array<Record<string, unknown>>;
    expect(messages[0]).toEqual({
      ruleId: 'workdir-relative',
      severity: 2,
      message: expect.stringContaining('WORKDIR "app" is relative'),
      messageId: 'relative',
      line: 2,
      column: 9,
      endLine: 2,
      endColumn: 12,
    });
    const safe = messages.find((m) => m.ruleId === 'apt-get-yes');
    // ESLint fix: offsets in the text, the replacement text.
    expect(safe?.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: expect.any(String) });
    const unsafe = messages.find((m) => m.ruleId === 'apt-no-install-recommends');
    expect(unsafe?.fix).toBeUndefined();
    expect(unsafe?.suggestions).toEqual([{ desc: expect.any(String), fix: { range: expect.any(Array), text: expect.any(String) } }]);
    for (const m of messages) {
      expect(m).not.toHaveProperty('range');
      expect(m).not.toHaveProperty('fixDetails');
    }
  });

  test('a parse error is a fatal message without a rule id (exit 1)', async () => {
    writeFiles(dir, { Dockerfile: 'FROM debian:12\nFORM x\n' });
    const r = await run(['lint', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ fatalErrorCount: number; messages: Array<Record<string, unknown>> }>;
    expect(result?.fatalErrorCount).toBe(1);
    expect(result?.messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, line: 2, column: 1, message: expect.stringContaining('FORM') });
  });

  test('a run that fails half-way writes no report: the -o file keeps its contents, standard output stays empty', async () => {
    // The second file's config is broken. With --no-ignore, discovery does not read configs: the
    // first file is linted (and formatted) before the second one's config is found broken.
    writeFiles(dir, { 'a/Dockerfile': SAMPLE, 'b/Dockerfile': SAMPLE, 'b/.dockerfile-opt.json': '{ "rules": ', 'report.json': 'earlier report' });
    const toFile = await run(['lint', '--no-ignore', '-f', 'json', '-o', 'report.json', 'a/Dockerfile', 'b/Dockerfile'], dir);
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toContain('Invalid config file');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('earlier report');
    const toStdout = await run(['lint', '--no-ignore', '-f', 'json', 'a/Dockerfile', 'b/Dockerfile'], dir);
    expect(toStdout.code).toBe(2);
    expect(toStdout.stdout).toBe('');
    // The file whose config is fine alone: reported.
    const fine = await run(['lint', '--no-ignore', '-f', 'json', '-o', 'report.json', 'a/Dockerfile'], dir);
    expect(fine.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveLength(1);
  });

  test('prints [] when there are no files', async () => {
    expect((await run(['lint', '-f', 'json'], dir)).stdout).toBe('[]\n');
  });
});

describe('--format stylish', () => {
  test('path, aligned rows, summary with fixable counts and the unsafe-fixes hint', async () => {
    writeFiles(dir, { 'app/Dockerfile': SAMPLE });
    const r = await run(['lint'], dir);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe('app/Dockerfile');
    expect(lines[2]).toMatch(/^ {2}2:9 {3}error {4}WORKDIR "app" is relative.* {2}workdir-relative$/);
    expect(lines[3]).toMatch(/^ {2}3:23 {2}warning {2}"apt-get install" without -y.* {2}apt-get-yes$/);
    // Columns line up: the messages start at the same column.
    expect(lines[2]?.indexOf('WORKDIR')).toBe(lines[3]?.indexOf('"apt-get'));
    expect(r.stdout).toContain('\u2716 3 problems (1 error, 2 warnings)\n');
    expect(r.stdout).toContain('  0 errors and 1 warning potentially fixable with the `--fix` option.\n');
    expect(r.stdout).toContain('  1 more problem fixable with the `--unsafe-fixes` option');
    expect(r.stdout).not.toContain('\u001b[');
  });

  test('drops a message\'s final period, as ESLint does', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    expect((await run(['lint'], dir)).stdout).not.toMatch(/\.\s+workdir-relative/);
  });

  test('colour: on for a terminal, off with NO_COLOR or --no-color, forced with --color', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const esc = '\u001b[';
    expect((await run(['lint'], dir, { tty: true })).stdout).toContain(esc);
    expect((await run(['lint'], dir, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await run(['lint', '--no-color'], dir, { tty: true })).stdout).not.toContain(esc);
    expect((await run(['lint', '--color'], dir, { env: { NO_COLOR: '1' } })).stdout).toContain(esc);
    expect((await run(['lint'], dir, { env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
  });

  test('prints nothing when there is nothing to report', async () => {
    const stylish = await loadFormatter('stylish');
    const clean = emptyResult('/x/Dockerfile');
    expect(stylish?.([clean], { cwd: '/x', color: false, rulesMeta: {} })).toBe('');
    expect(await loadFormatter('toString')).toBeNull();
  });
});

describe('rules command', () => {
  test('--format json lists every rule with its metadata and docs link', async () => {
    const r = await run(['rules', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((x) => x.id)).toEqual(rules.map((x) => x.id));
    const rule = rules.find((x) => x.id === 'apt-get-yes');
    expect(listed.find((x) => x.id === 'apt-get-yes')).toEqual({
      id: 'apt-get-yes',
      description: rule?.meta.description,
      category: 'correctness',
      severity: 'warn',
      recommended: true,
      fixable: 'always',
      fixSafety: 'safe',
      sources: ['DL3014'],
      docs: rule && docsUrl(rule),
    });
    for (const entry of listed) expect(Object.keys(entry)).toHaveLength(9);
  });

  test('text lists every rule', async () => {
    const r = await run(['rules'], dir);
    for (const rule of rules) expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toContain('covers: DL3014');
    expect(r.stdout).toMatch(new RegExp(`${rules.length} rules, \\d+ recommended\\.\\n$`));
  });

  test('rejects paths and other formats', async () => {
    expect((await run(['rules', 'x'], dir)).code).toBe(2);
    expect((await run(['rules', '-f', 'stylish'], dir)).code).toBe(2);
    expect((await run(['rules', '--fix'], dir)).code).toBe(2);
  });
});
