import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('redundant-target-platform', () => {
  test('reports the flag', () => {
    expect(lintRule(rule, 'FROM --platform=${TARGETPLATFORM} alpine:3 AS a\n')).toEqual([
      {
        ruleId: 'redundant-target-platform',
        message: '"--platform=${TARGETPLATFORM}" is the default for FROM and can be removed.',
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 34,
        text: '--platform=${TARGETPLATFORM}',
      },
    ]);
  });

  test('accepts other platforms and a global ARG that sets TARGETPLATFORM', () => {
    expect(lintRule(rule, 'FROM --platform=$BUILDPLATFORM alpine:3\nFROM --platform=linux/amd64 alpine:3\nFROM alpine:3\n')).toEqual([]);
    expect(lintRule(rule, 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3\n')).toEqual([]);
  });

  test('the fix removes the flag, also across a continuation and in lower case, CRLF', () => {
    const text = 'ARG TARGETPLATFORM\r\nfrom --platform=$TARGETPLATFORM \\\r\n  alpine:3 as a\r\nFROM --platform=$TARGETPLATFORM alpine:3\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('ARG TARGETPLATFORM\r\nfrom alpine:3 as a\r\nFROM alpine:3\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/redundant-target-platform: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
