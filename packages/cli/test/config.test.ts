import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA } from '@dockerfile-opt/core';
import { lintFiles, lintText } from '../src/api.js';
import { ConfigFileError } from '../src/types.js';
import { makeTempDir, onlyRules, removeTempDir, run, SAMPLE, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

async function ruleIds(cwd: string, patterns: string[] = []): Promise<Record<string, string[]>> {
  const results = await lintFiles(patterns, { cwd });
  return Object.fromEntries(results.map((r) => [r.filePath.slice(cwd.length + 1), r.messages.map((m) => `${m.ruleId ?? ''}:${m.severity}`)]));
}

test('the shipped schema/config.schema.json is core\'s CONFIG_SCHEMA', () => {
  const shipped = JSON.parse(readFileSync(new URL('../schema/config.schema.json', import.meta.url), 'utf8')) as unknown;
  expect(shipped).toEqual(CONFIG_SCHEMA);
});

describe('finding the config', () => {
  test('the nearest config above each file wins', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'warn' }),
      'Dockerfile': SAMPLE,
      'svc/.dockerfile-opt.yaml': 'extends: none\nrules:\n  workdir-relative: error\n',
      'svc/deep/Dockerfile': SAMPLE,
      'pkg/package.json': JSON.stringify({ name: 'x', 'dockerfile-opt': { extends: 'none', rules: { 'apt-get-yes': 2 } } }),
      'pkg/Dockerfile': SAMPLE,
      // A package.json without our key is not a config: the search goes on upward.
      'plain/package.json': JSON.stringify({ name: 'y' }),
      'plain/Dockerfile': SAMPLE,
    });
    expect(await ruleIds(dir)).toEqual({
      Dockerfile: ['workdir-relative:1'],
      'pkg/Dockerfile': ['apt-get-yes:2'],
      'plain/Dockerfile': ['workdir-relative:1'],
      'svc/deep/Dockerfile': ['workdir-relative:2'],
    });
  });

  test('overrides match the Dockerfile path relative to the config file\'s directory', async () => {
    writeFiles(dir, {
      'repo/.dockerfile-opt.json': JSON.stringify({
        extends: 'none',
        rules: { 'workdir-relative': 'warn' },
        overrides: [
          { files: 'services/**', rules: { 'workdir-relative': 'error' } },
          { files: ['*.dev.Dockerfile'], excludedFiles: 'tools/**', rules: { 'workdir-relative': 'off' } },
        ],
      }),
      'repo/services/api/Dockerfile': SAMPLE,
      'repo/app.dev.Dockerfile': SAMPLE,
      'repo/tools/x.dev.Dockerfile': SAMPLE,
    });
    // Linted from the config's parent: the paths the overrides see are still relative to repo/.
    expect(await ruleIds(dir)).toEqual({
      'repo/app.dev.Dockerfile': [],
      'repo/services/api/Dockerfile': ['workdir-relative:2'],
      'repo/tools/x.dev.Dockerfile': ['workdir-relative:1'],
    });
  });

  test('--config uses one file for everything, relative to its own directory', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': onlyRules({}),
      'configs/strict.yml': 'extends: none\nrules:\n  workdir-relative: error\n',
      'Dockerfile': SAMPLE,
    });
    const r = await run(['lint', '--config', 'configs/strict.yml'], dir);
    expect(r.code).toBe(1);
  });

  test('an empty YAML config is the default config', async () => {
    writeFiles(dir, { '.dockerfile-opt.yaml': '', Dockerfile: 'FROM debian:12\nWORKDIR /app\n' });
    expect((await run(['lint'], dir)).code).toBe(0);
  });
});

describe('bad configs: exit 2, naming the file and the key', () => {
  test.each([
    ['.dockerfile-opt.json', JSON.stringify({ rules: { 'no-such-rule': 'error' } }), 'rules.no-such-rule: unknown rule "no-such-rule"'],
    ['.dockerfile-opt.json', JSON.stringify({ rules: { 'workdir-relative': 'loud' } }), 'rules.workdir-relative'],
    ['.dockerfile-opt.json', JSON.stringify({ extend: 'all' }), 'extend: is not an allowed property'],
    ['.dockerfile-opt.yaml', 'overrides:\n  - rules: {}\n', 'overrides[0]: must have property "files"'],
    ['.dockerfile-opt.json', '{ "rules": ', 'Invalid config file'],
    ['.dockerfile-opt.yaml', 'rules: [unclosed\n', 'Invalid config file'],
    ['package.json', JSON.stringify({ 'dockerfile-opt': { rules: { nope: 1 } } }), 'dockerfile-opt.rules.nope: unknown rule'],
  ])('%s: %s', async (name, text, message) => {
    writeFiles(dir, { [name]: text, Dockerfile: SAMPLE, 'ok/.dockerfile-opt.json': onlyRules({}), 'ok/Dockerfile': SAMPLE });
    const r = await run(['lint', 'Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, name));
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('    at ');
  });

  test('the error carries the key', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': JSON.stringify({ rules: { 'workdir-relative': ['warn', { nope: true }] } }), Dockerfile: SAMPLE });
    const error = await lintFiles(['Dockerfile'], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).file).toBe(join(dir, '.dockerfile-opt.json'));
    expect((error as ConfigFileError).key).toMatch(/^rules\.workdir-relative/);
  });

  test('a missing --config file', async () => {
    const r = await run(['lint', '--config', 'nope.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot read config file ${join(dir, 'nope.json')}: no such file or directory`);
  });

  test('a config given in code is validated too', async () => {
    await expect(lintText(SAMPLE, { config: { rules: { nope: 'warn' } } })).rejects.toThrow('rules.nope: unknown rule');
  });

  test('an unparsable package.json without our key is not treated as a config', async () => {
    writeFiles(dir, { 'package.json': '{ broken', '.dockerfile-opt.json': onlyRules({}), 'app/package.json': '{ broken', 'app/Dockerfile': SAMPLE });
    expect((await run(['lint'], dir)).code).toBe(0);
  });
});
