import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { defineRule, type RuleDefinition } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { lintFiles } from '../src/api.js';
import { configFromHadolint } from '../src/hadolint.js';
import { makeTempDir, onlyRules, removeTempDir, run, SAMPLE, writeFiles } from './helpers.js';

const probe = (id: string, sources: string[], severity: 'warn' | 'error' = 'warn'): RuleDefinition =>
  defineRule<unknown[]>({
    id,
    meta: { category: 'correctness', severity, recommended: true, fixable: 'none', sources, description: id, messages: {}, schema: [] },
    create: () => ({}),
  });

const RULES = [
  probe('pin-versions', ['DL3008', 'DL3013']),
  probe('no-sudo', ['DL3004'], 'error'),
  probe('allowed-registries', ['DL3026']),
  probe('label-schema', ['DL3048']),
];

describe('configFromHadolint', () => {
  test('ignored turns off every rule covering a code', () => {
    expect(configFromHadolint({ ignored: ['DL3013', 'DL9999'] }, RULES).config).toEqual({ rules: { 'pin-versions': 'off' } });
  });

  test('override: error stays error, warning/info/style become warn; the most severe wins', () => {
    const { config } = configFromHadolint({ override: { info: ['DL3004'], style: ['DL3008'], error: ['DL3013'] } }, RULES);
    expect(config).toEqual({ rules: { 'no-sudo': 'warn', 'pin-versions': 'error' } });
  });

  test('trustedRegistries and label-schema configure their rules when they exist', () => {
    const { config } = configFromHadolint({ trustedRegistries: ['docker.io', 'ghcr.io'], 'label-schema': { maintainer: 'text' }, override: { error: ['DL3026'] } }, RULES);
    expect(config.rules).toEqual({
      'allowed-registries': ['error', { registries: ['docker.io', 'ghcr.io'] }],
      'label-schema': ['warn', { labels: { maintainer: 'text' } }],
    });
    expect(configFromHadolint({ trustedRegistries: ['docker.io'] }, RULES.slice(0, 2)).config).toEqual({});
  });

  test('strict-labels sets the label-schema rule\'s strict option', () => {
    expect(configFromHadolint({ 'strict-labels': true }, RULES).config.rules).toEqual({ 'label-schema': ['warn', { labels: {}, strict: true }] });
  });

  test('options are checked against the rule\'s schema, naming the hadolint key', () => {
    const real = rules.filter((r) => r.id === 'label-schema' || r.id === 'allowed-registries');
    expect(real).toHaveLength(2);
    expect(() => configFromHadolint({ 'label-schema': { maintainer: 'bogus' } }, real)).toThrow(/^label-schema\.maintainer: must be one of/);
    expect(() => configFromHadolint({ 'strict-labels': 'yes' }, real)).toThrow(/^strict-labels: must be boolean/);
    expect(configFromHadolint({ trustedRegistries: ['docker.io'], 'label-schema': { version: 'semver' } }, real).config.rules).toEqual({
      'allowed-registries': ['error', { registries: ['docker.io'] }],
      'label-schema': ['warn', { labels: { version: 'semver' } }],
    });
  });

  test.each([
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'warning'],
    ['style', 'warning'],
    ['none', 'none'],
  ])('failure-threshold %s -> %s', (level, expected) => {
    expect(configFromHadolint({ 'failure-threshold': level }, RULES).failureThreshold).toBe(expected);
  });

  test('no-fail never fails; an empty file is no config', () => {
    expect(configFromHadolint({ 'no-fail': true }, RULES).failureThreshold).toBe('none');
    expect(configFromHadolint(null, RULES)).toEqual({ config: {} });
  });

  test.each([
    [{ ignored: 'DL3008' }, 'ignored: must be a list of strings'],
    [{ override: ['DL3008'] }, 'override: must be a mapping'],
    [{ override: { error: [3008] } }, 'override.error: must be a list of strings'],
    [{ 'failure-threshold': 'fatal' }, 'failure-threshold: must be one of'],
    [['DL3008'], '(root): must be a mapping'],
  ])('%j is rejected', (raw, message) => {
    expect(() => configFromHadolint(raw, RULES)).toThrow(message);
  });
});

describe('.hadolint.yaml in a project', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  const withSource = (code: string) => rules.find((r) => r.meta.sources?.includes(code));

  test('is used when no config of ours exists, found upward like ours', async () => {
    // DL3000 (workdir-relative), DL3014 (apt-get-yes)
    expect(withSource('DL3000')?.id).toBe('workdir-relative');
    expect(withSource('DL3014')?.id).toBe('apt-get-yes');
    writeFiles(dir, { '.hadolint.yaml': 'ignored: [DL3014]\noverride:\n  error: [DL3000]\n', 'svc/Dockerfile': SAMPLE });
    const [result] = await lintFiles([], { cwd: dir });
    const ids = result?.messages.map((m) => `${m.ruleId ?? ''}:${m.severity}`) ?? [];
    expect(ids).toContain('workdir-relative:2');
    expect(ids).not.toContain('apt-get-yes:1');
    expect((await run(['lint'], dir)).code).toBe(1);
  });

  test('.hadolint.yml works too, and our config anywhere above takes precedence', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({}), 'svc/.hadolint.yml': 'override:\n  error: [DL3000]\n', 'svc/Dockerfile': SAMPLE });
    expect((await run(['lint'], dir)).code).toBe(0);
  });

  test('failure-threshold decides the exit code', async () => {
    writeFiles(dir, { '.hadolint.yaml': 'failure-threshold: warning\n', Dockerfile: SAMPLE });
    expect((await run(['lint'], dir)).code).toBe(1);
    writeFiles(dir, { '.hadolint.yaml': 'failure-threshold: none\noverride:\n  error: [DL3000]\n' });
    const none = await run(['lint'], dir);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('error');
    writeFiles(dir, { '.hadolint.yaml': 'failure-threshold: error\n' });
    expect((await run(['lint'], dir)).code).toBe(0);
  });

  test('a malformed .hadolint.yaml is a config error naming the file and key', async () => {
    writeFiles(dir, { '.hadolint.yaml': 'ignored: DL3008\n', Dockerfile: SAMPLE });
    const r = await run(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.hadolint.yaml: ignored: must be a list of strings');
  });

  test('--config accepts a hadolint file', async () => {
    writeFiles(dir, { '.dockerfile-opt.json': onlyRules({}), 'ci/hadolint.yaml': 'override:\n  error: [DL3000]\n', Dockerfile: SAMPLE });
    expect((await run(['lint', '-c', 'ci/hadolint.yaml'], dir)).code).toBe(1);
  });
});
