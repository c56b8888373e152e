import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_shared/fixture-cases.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('definition-description', () => {
  test('reports the first line of the comment block above a named stage', () => {
    expect(lintRule(rule, '# compile it\n# with go\nFROM golang:1.23 AS build\n')).toEqual([
      {
        ruleId: 'definition-description',
        message: 'The comment above stage "build" reads as its description but does not start with "build": write "# build <description>", or put an empty line between them.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 13,
        text: '# compile it',
      },
    ]);
  });

  test('reports ARGs with one name, in stages and globally', () => {
    const text = '# the version\nARG VERSION=1\nFROM alpine:3\n#\nARG MODE\n# two\nARG A B\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [1, '# the version'],
      [4, '#'],
    ]);
  });

  test('accepts descriptions, separated comments, unnamed stages and pragmas', () => {
    const text = '# build compiles\nFROM golang:1.23 AS build\n# a comment\n\nARG X\n# not a stage name\nFROM alpine:3\n# hadolint ignore=DL3006\nFROM node AS web\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the fix inserts an empty line, CRLF', () => {
    const text = 'FROM alpine:3\r\n# the mode\r\nARG MODE\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM alpine:3\r\n# the mode\r\n\r\nARG MODE\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/definition-description: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
