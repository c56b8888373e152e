import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('useradd-no-log-init', () => {
  test('reports useradd with a six-digit UID and no -l', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN useradd -u 100000 app\n')).toEqual([
      {
        ruleId: 'useradd-no-log-init',
        message: '"useradd -u 100000" without -l writes a sparse /var/log/lastlog and faillog sized by the UID, which can add gigabytes to the layer: add -l (--no-log-init).',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 12,
        text: 'useradd',
      },
    ]);
  });

  test('small UIDs, -l / --no-log-init in any spelling, and unknown UIDs are fine', () => {
    for (const command of ['useradd -u 99999 app', 'useradd -lu 123456 app', 'useradd --no-log-init --uid 123456 app', 'useradd -u "$UID" app', 'useradd app']) {
      expect(lintRule(rule, `FROM x\nRUN ${command}\n`)).toEqual([]);
    }
  });

  test('-u123456 and an ENV-provided UID are read', () => {
    expect(lintRule(rule, 'FROM x\nENV APP_UID=2000000\nRUN useradd -u123456 a && useradd --uid ${APP_UID} b\n').map((f) => f.message.slice(0, 28))).toEqual([
      '"useradd -u 123456" without ',
      '"useradd -u 2000000" without',
    ]);
  });

  test('the fix adds -l, only as an unsafe fix, and converges', () => {
    const text = 'FROM x\r\nRUN useradd --uid 123456 app\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM x\r\nRUN useradd -l --uid 123456 app\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('fixtures: ARG in FROM, ARG-provided UID, continuations with comments, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
