import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../src/index.js';
import { contextReader } from '../src/context-files.js';
import { makeTempDir, onlyRules, removeTempDir, SAMPLE, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const CONFIG = { extends: 'none', rules: { 'apt-get-yes': 'warn', 'workdir-relative': 'error' } } as const;

describe('lintText', () => {
  test('returns one result in the CLI\'s JSON shape', async () => {
    const result = await api.lintText(SAMPLE, { config: CONFIG });
    expect(result.filePath).toBe('<text>');
    expect(result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['workdir-relative', 2, 2, 9],
      ['apt-get-yes', 1, 3, 23],
    ]);
    expect(result).toMatchObject({ errorCount: 1, warningCount: 1, fixableWarningCount: 1, source: SAMPLE });
    expect(result.output).toBeUndefined();
  });

  test('with filePath: the config is looked up from the file, overrides see the path', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': JSON.stringify({ extends: 'none', overrides: [{ files: 'ci/**', rules: { 'workdir-relative': 'error' } }] }),
    });
    const plain = await api.lintText(SAMPLE, { cwd: dir, filePath: 'Dockerfile' });
    expect(plain.messages).toEqual([]);
    const ci = await api.lintText(SAMPLE, { cwd: dir, filePath: 'ci/Dockerfile' });
    expect(ci.filePath).toBe(join(dir, 'ci/Dockerfile'));
    expect(ci.messages.map((m) => m.ruleId)).toEqual(['workdir-relative']);
  });
});

describe('fixText', () => {
  test('safe fixes by default; output is the fixed text, messages what remains', async () => {
    const result = await api.fixText(SAMPLE, { config: CONFIG });
    expect(result.output).toBe(SAMPLE.replace('install curl', 'install -y curl'));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['workdir-relative']);
  });

  test('unsafe: true applies unsafe fixes', async () => {
    const result = await api.fixText(SAMPLE, { unsafe: true, config: { extends: 'none', rules: { 'apt-no-install-recommends': 'warn' } } });
    expect(result.output).toContain('--no-install-recommends');
  });

  test('output is the input when nothing changes', async () => {
    expect((await api.fixText('FROM debian:12\n', { config: CONFIG })).output).toBe('FROM debian:12\n');
  });
});

describe('lintFiles', () => {
  test('lints what the patterns name, each under its config', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'warn' }), 'a/Dockerfile': SAMPLE, 'b/Dockerfile': 'FROM debian:12\n' });
    const results = await api.lintFiles(['a', 'b/Dockerfile'], { cwd: dir });
    expect(results.map((r) => [r.filePath, r.warningCount])).toEqual([
      [join(dir, 'a/Dockerfile'), 1],
      [join(dir, 'b/Dockerfile'), 0],
    ]);
  });

  test('rules and config options', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const results = await api.lintFiles([], { cwd: dir, config: { extends: 'none' }, rules: { 'workdir-relative': 'error' } });
    expect(results[0]?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['workdir-relative', 2]]);
  });

  test('a missing file throws a FileError after the rest, or goes to onError', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({}), Dockerfile: SAMPLE });
    await expect(api.lintFiles(['missing', 'Dockerfile'], { cwd: dir })).rejects.toBeInstanceOf(api.FileError);
    const errors: api.FileError[] = [];
    const results = await api.lintFiles(['missing', 'Dockerfile'], { cwd: dir, onError: (e) => errors.push(e) });
    expect(results).toHaveLength(1);
    expect(errors.map((e) => [e.path, e.message])).toEqual([['missing', 'missing: no such file or directory']]);
  });
});

describe('readContextFile', () => {
  test('reads files below the Dockerfile\'s directory and refuses anything outside it', () => {
    writeFiles(dir, { 'app/package.json': '{"name":"x"}', 'app/src/go.mod': 'module x', 'secret.txt': 'no' });
    mkdirSync(join(dir, 'app/empty'));
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'app/leak.txt'));
    const read = contextReader(join(dir, 'app'));
    expect(read('package.json')).toBe('{"name":"x"}');
    expect(read('./src/../src/go.mod')).toBe('module x');
    expect(read('../secret.txt')).toBeNull();
    expect(read(join(dir, 'secret.txt'))).toBeNull();
    expect(read('leak.txt')).toBeNull();
    expect(read('missing.txt')).toBeNull();
    expect(read('empty')).toBeNull();
    expect(read('.')).toBeNull();
  });

  test('follows links that stay inside, through a linked directory too; not broken links or paths through a file', () => {
    writeFiles(dir, { 'real/app/package.json': '{"name":"y"}', 'real/app/src/go.mod': 'module y', 'real/outside.txt': 'no' });
    symlinkSync(join(dir, 'real/app'), join(dir, 'linked-app'));
    symlinkSync(join(dir, 'real/app/src/go.mod'), join(dir, 'real/app/go.mod'));
    symlinkSync(join(dir, 'real'), join(dir, 'real/app/up'));
    symlinkSync(join(dir, 'real/app/gone.txt'), join(dir, 'real/app/broken.txt'));
    const read = contextReader(join(dir, 'linked-app'));
    expect(read('package.json')).toBe('{"name":"y"}');
    expect(read('go.mod')).toBe('module y');
    expect(read('up/outside.txt')).toBeNull();
    expect(read('broken.txt')).toBeNull();
    expect(read('package.json/x')).toBeNull();
  });

  test('reads each file once per Dockerfile (rules ask for the same files)', () => {
    writeFiles(dir, { 'app/package.json': '{"v":1}' });
    const read = contextReader(join(dir, 'app'));
    expect(read('package.json')).toBe('{"v":1}');
    expect(read('missing.json')).toBeNull();
    writeFiles(dir, { 'app/package.json': '{"v":2}', 'app/missing.json': '{}' });
    expect([read('package.json'), read('missing.json')]).toEqual(['{"v":1}', null]);
    expect(contextReader(join(dir, 'app'))('package.json')).toBe('{"v":2}');
  });
});

test('the package exports the API, the CLI entry and the formatters', () => {
  expect(Object.keys(api).sort()).toEqual(
    ['ConfigFileError', 'FileError', 'execute', 'fixText', 'formatterNames', 'lintFiles', 'lintText', 'loadFormatter', 'outputFixes', 'ruleInfo'].sort(),
  );
});
