import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('definition-description', () => {
  test('reports the comment line right above a named stage', () => {
    expect(lintRule(rule, '# build compiles\n# it with go\nFROM golang:1.23 AS build\n')).toEqual([
      {
        ruleId: 'definition-description',
        message: 'The comment right above this stage reads as its description but does not start with its name: write "# build <description>", or put an empty line between them.',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 13,
        text: '# it with go',
      },
    ]);
  });

  test('reports ARGs, in stages and globally; with several names any of them will do', () => {
    const text = '# the version\nARG VERSION=1\nFROM alpine:3\n#\nARG MODE\n# two\nARG A B\n# B and A\nARG A B\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message.includes('"# <name> <description>"')])).toEqual([
      [1, '# the version', false],
      [4, '#', false],
      [6, '# two', true],
    ]);
  });

  test('accepts descriptions, separated comments, unnamed stages and pragmas', () => {
    const text = '# build compiles\nFROM golang:1.23 AS build\n# a comment\n\nARG X\n# not a stage name\nFROM alpine:3\n# hadolint ignore=DL3006\nFROM node AS web\n# first line\n# web2 is the second web stage\nFROM node AS web2\n';
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
