import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, onlyRules, removeTempDir, run, SAMPLE, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const WARN_ONLY = onlyRules({ 'workdir-relative': 'warn', 'apt-get-yes': 'warn' });

describe('exit codes', () => {
  test('0 when nothing is found', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: 'FROM debian:12\nWORKDIR /app\n' });
    const r = await run(['lint'], dir);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('0 when there are only warnings', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: SAMPLE });
    const r = await run(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('workdir-relative');
  });

  test('1 when there is an error', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error' }), Dockerfile: SAMPLE });
    const r = await run(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2:9\s+error\s+WORKDIR "app" is relative/);
  });

  test('2 for an unknown option, with a pointer to --help', async () => {
    const r = await run(['lint', '--frobnicate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown option "--frobnicate"');
    expect(r.stderr).toContain('--help');
  });

  test('2 for an unknown format', async () => {
    const r = await run(['--format', 'xml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "xml"; choose one of stylish, json');
  });

  test('2 for an option without its value', async () => {
    expect((await run(['--format'], dir)).code).toBe(2);
    expect((await run(['--max-warnings', 'many'], dir)).stderr).toContain('--max-warnings expects a whole number');
  });

  test('a missing file: exit 2 naming it, and the other files are still linted and reported', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error' }), 'a/Dockerfile': SAMPLE });
    const r = await run(['lint', 'nope/Dockerfile', 'a/Dockerfile', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope/Dockerfile: no such file or directory');
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(results.map((x) => [x.filePath, x.errorCount])).toEqual([[join(dir, 'a/Dockerfile'), 1]]);
  });

  test('a glob that matches nothing is an error (2)', async () => {
    const r = await run(['lint', 'services/**/*.dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No files matching the pattern "services/**/*.dockerfile" were found.');
  });
});

describe('options', () => {
  test('--help and --version', async () => {
    const help = await run(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dockerfile-opt [lint] [options] [paths or globs...]');
    const version = await run(['--version'], dir);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--rule sets a severity over the config (repeatable)', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: SAMPLE });
    const r = await run(['lint', '--rule', 'workdir-relative:error', '--rule=apt-get-yes:off', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>;
    expect(result?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['workdir-relative', 2]]);
  });

  test('--rule takes a JSON setting with options', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({}), Dockerfile: 'from debian:12\n' });
    const r = await run(['lint', '--rule', 'instruction-casing:["error"]'], dir);
    expect(r.code).toBe(1);
  });

  test('--rule with an unknown rule or severity is a usage error', async () => {
    const unknown = await run(['lint', '--rule', 'no-such-rule:error'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('rules.no-such-rule: unknown rule "no-such-rule"');
    const bad = await run(['lint', '--rule', 'workdir-relative:loud'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('severity must be off, warn or error');
  });

  test('--max-warnings: more warnings than allowed exit 1; as many exit 0', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: SAMPLE });
    const over = await run(['lint', '--max-warnings', '1'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (maximum: 1)');
    expect((await run(['lint', '--max-warnings=2'], dir)).code).toBe(0);
  });

  test('--quiet reports errors only', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error', 'apt-get-yes': 'warn' }),
      Dockerfile: SAMPLE,
    });
    const r = await run(['lint', '--quiet', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }>; warningCount: number }>;
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['workdir-relative']);
    expect(result?.warningCount).toBe(0);
  });

  test('--quiet with --max-warnings still counts the warnings it does not show', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: SAMPLE });
    const r = await run(['lint', '--quiet', '--max-warnings', '0'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  test('--output-file writes the report there (creating directories) and nothing to stdout', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY, Dockerfile: SAMPLE });
    const r = await run(['lint', '-f', 'json', '-o', 'reports/lint.json'], dir);
    expect(r.stdout).toBe('');
    const results = JSON.parse(readFileSync(join(dir, 'reports/lint.json'), 'utf8')) as unknown[];
    expect(results).toHaveLength(1);
  });

  test('"lint" is the default command; paths after -- may start with a dash', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error' }), '-odd/Dockerfile': SAMPLE });
    expect((await run(['--', '-odd'], dir)).code).toBe(1);
  });
});

describe('standard input', () => {
  test('--stdin lints the text; --stdin-filename names it and finds its config', async () => {
    writeFiles(dir, { 'svc/.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error' }) });
    const r = await run(['--stdin', '--stdin-filename', 'svc/Dockerfile', '-f', 'json'], dir, { stdin: SAMPLE });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(result?.filePath).toBe(join(dir, 'svc/Dockerfile'));
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['workdir-relative']);
  });

  test('without a file name the result is called <stdin>', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY });
    const r = await run(['--stdin', '-f', 'json'], dir, { stdin: SAMPLE });
    expect((JSON.parse(r.stdout) as Array<{ filePath: string }>)[0]?.filePath).toBe('<stdin>');
  });

  test('--fix-dry-run puts the fixed text in "output"; --fix is refused', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': WARN_ONLY });
    const r = await run(['--stdin', '--fix-dry-run', '-f', 'json'], dir, { stdin: SAMPLE });
    const [result] = JSON.parse(r.stdout) as Array<{ output: string }>;
    expect(result?.output).toBe(SAMPLE.replace('install curl', 'install -y curl'));
    const refused = await run(['--stdin', '--fix'], dir, { stdin: SAMPLE });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--fix cannot write to standard input');
  });

  test('--stdin with paths is a usage error', async () => {
    expect((await run(['--stdin', 'Dockerfile'], dir, { stdin: '' })).code).toBe(2);
  });
});
