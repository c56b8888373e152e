import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { messageOf } from './messages.js';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const eslintBin = join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const tsxCli = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const pluginSource = pathToFileURL(join(repoRoot, 'packages/eslint-plugin/src/index.ts')).href;
const tempPrefix = join(tmpdir(), 'dfo-eslint-cli-');
const FIXTURE_RULES = ['apt-get-yes', 'apt-no-install-recommends', 'instruction-casing', 'maintainer-deprecated', 'workdir-relative'];

let dir = '';

/** The real `eslint` CLI, loading the plugin from its TypeScript sources (tsx, source export condition). */
async function eslint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsxCli, '--conditions=@dockerfile-opt/source', eslintBin, ...args], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', NODE_OPTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(tempPrefix);
  copyFileSync(join(repoRoot, 'fixtures/eslint/app/Dockerfile'), join(dir, 'Dockerfile'));
  writeFileSync(
    join(dir, 'eslint.config.mjs'),
    [
      `import dockerfileOpt from ${JSON.stringify(pluginSource)};`,
      // A fixed set of rules, so that new recommended rules do not change the expected output.
      `const ids = ${JSON.stringify(FIXTURE_RULES)};`,
      'const rules = Object.fromEntries(ids.map((id) => [`dockerfile-opt/${id}`, dockerfileOpt.configs.recommended.rules[`dockerfile-opt/${id}`]]));',
      'export default [{ ...dockerfileOpt.configs.recommended, rules }];',
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  if (dir.startsWith(tempPrefix)) rmSync(dir, { recursive: true, force: true });
});

describe('the eslint CLI', () => {
  test('lints a file named Dockerfile with the recommended config', async () => {
    const json = await eslint('--format', 'json', 'Dockerfile');
    expect(json.stderr).toBe('');
    const [report] = JSON.parse(json.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>;
    expect(report?.filePath).toBe(join(dir, 'Dockerfile'));
    expect(report?.messages.map((m) => [m.line, m.column, m.ruleId, m.message])).toEqual([
      [3, 1, 'dockerfile-opt/maintainer-deprecated', messageOf('maintainer-deprecated', 'deprecated', { author: 'Jane Doe <jane@example.com>' })],
      [4, 1, 'dockerfile-opt/instruction-casing', messageOf('instruction-casing', 'notUpper', { keyword: 'run' })],
      [4, 23, 'dockerfile-opt/apt-get-yes', messageOf('apt-get-yes', 'missing', { command: 'apt-get install' })],
      [4, 23, 'dockerfile-opt/apt-no-install-recommends', messageOf('apt-no-install-recommends', 'missing')],
      [9, 9, 'dockerfile-opt/workdir-relative', messageOf('workdir-relative', 'relative', { path: 'app' })],
    ]);
    expect(json.code).toBe(0);
    // The default output: a row per finding under the file's path, and the summary.
    const stylish = await eslint('Dockerfile');
    const lines = stylish.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['', join(dir, 'Dockerfile')]);
    expect(lines.slice(2, 7).map((l) => /^ {2}(\d+:\d+) +warning .* (\S+)$/.exec(l)?.slice(1))).toEqual(
      report?.messages.map((m) => [`${m.line}:${m.column}`, m.ruleId]),
    );
    expect(lines.slice(7)).toEqual(['', '✖ 5 problems (0 errors, 5 warnings)', '  0 errors and 3 warnings potentially fixable with the `--fix` option.', '', '']);
  }, 60_000);

  test('--fix writes the safe fixes and --max-warnings fails on what is left', async () => {
    const result = await eslint('--fix', '--max-warnings', '0', '--format', 'json', 'Dockerfile');
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    expect(report?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['dockerfile-opt/apt-no-install-recommends', 4],
      ['dockerfile-opt/workdir-relative', 9],
    ]);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(
      [
        '# syntax=docker/dockerfile:1',
        'FROM debian:bookworm AS build',
        'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
        'RUN apt-get update && apt-get install -y curl',
        '# eslint-disable-next-line dockerfile-opt/apt-get-yes',
        'RUN apt-get install --no-install-recommends git',
        '# dockerfile-opt ignore=apt-no-install-recommends',
        'RUN apt-get install -y make',
        'WORKDIR app',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
