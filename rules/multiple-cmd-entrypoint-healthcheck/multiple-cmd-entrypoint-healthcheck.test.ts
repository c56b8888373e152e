import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('multiple-cmd-entrypoint-healthcheck', () => {
  test('reports every earlier CMD, ENTRYPOINT and HEALTHCHECK of a stage on the keyword', () => {
    const text = 'FROM alpine:3\ncmd a\nENTRYPOINT ["x"]\nHEALTHCHECK NONE\nCMD b\nCMD ["c"]\nENTRYPOINT ["y"]\nHEALTHCHECK CMD true\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'multiple-cmd-entrypoint-healthcheck',
        message: 'Only the last CMD of a stage takes effect: this one is overridden by the CMD on line 6.',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        text: 'cmd',
      },
      {
        ruleId: 'multiple-cmd-entrypoint-healthcheck',
        message: 'Only the last ENTRYPOINT of a stage takes effect: this one is overridden by the ENTRYPOINT on line 7.',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 11,
        text: 'ENTRYPOINT',
      },
      {
        ruleId: 'multiple-cmd-entrypoint-healthcheck',
        message: 'Only the last HEALTHCHECK of a stage takes effect: this one is overridden by the HEALTHCHECK on line 8.',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 12,
        text: 'HEALTHCHECK',
      },
      {
        ruleId: 'multiple-cmd-entrypoint-healthcheck',
        message: 'Only the last CMD of a stage takes effect: this one is overridden by the CMD on line 6.',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 4,
        text: 'CMD',
      },
    ]);
  });

  test('accepts one of each per stage, and ONBUILD triggers', () => {
    expect(lintRule(rule, 'FROM alpine:3 AS a\nCMD a\nONBUILD CMD b\nFROM a\nCMD b\nENTRYPOINT ["x"]\n')).toEqual([]);
  });

  test('the fix removes the earlier instructions with their continuation lines, CRLF, last line without a break', () => {
    const text = 'FROM alpine:3\r\nCMD echo \\\r\n# note\r\n  one\r\nRUN true\r\nCMD two\r\nFROM alpine:3\r\nCMD a\r\nCMD b';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM alpine:3\r\nRUN true\r\nCMD two\r\nFROM alpine:3\r\nCMD b');
    expect(fixRule(rule, fixed)).toBe(fixed);
    expect(fixRule(rule, 'FROM alpine:3\nCMD a\nCMD b')).toBe('FROM alpine:3\nCMD b');
  });

  test('fixtures/rules/multiple-cmd-entrypoint-healthcheck: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('each hadolint code and the BuildKit name switch it off', () => {
    const text = 'FROM alpine:3\nCMD ["a"]\nCMD ["b"]\n';
    for (const pragma of ['# hadolint global ignore=DL4003', '# check=skip=MultipleInstructionsDisallowed']) {
      expect(lintRule(rule, `${pragma}\n${text}`)).toEqual([]);
    }
    expect(lintRule(rule, `# hadolint global ignore=DL4004\n${text}`)).toHaveLength(1);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
