import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('from-as-casing', () => {
  test('reports a lower-case as after FROM on the as token', () => {
    expect(lintRule(rule, 'FROM golang:1.23 as build\n')).toEqual([
      { ruleId: 'from-as-casing', message: '"as" should be "AS" to match the case of "FROM".', line: 1, column: 18, endLine: 1, endColumn: 20, text: 'as' },
    ]);
  });

  test('reports AS and mixed-case As after a lower-case from', () => {
    expect(lintRule(rule, 'from golang:1.23 AS build\nfrom alpine:3 As run\n').map((f) => [f.line, f.text, f.message])).toEqual([
      [1, 'AS', '"AS" should be "as" to match the case of "from".'],
      [2, 'As', '"As" should be "as" to match the case of "from".'],
    ]);
  });

  test('accepts matching cases, FROM without a stage name, and a mixed-case From (instruction-casing reports it)', () => {
    expect(lintRule(rule, 'FROM golang:1.23 AS build\nfrom alpine:3 as run\nFROM scratch\nFrom debian:12 as deb\nfRoM debian:12 AS deb2\n')).toEqual([]);
  });

  test('an image or stage named like the keyword is not taken for it', () => {
    expect(lintRule(rule, 'FROM debian:12 AS as\nFROM as AS x\n')).toEqual([]);
  });

  test('fix rewrites the keyword across continuations, with CRLF and the backtick escape; fixing twice changes nothing', () => {
    const text = '# escape=`\r\nFROM --platform=$BUILDPLATFORM golang:1.23 `\r\n  as build\r\nfrom alpine:3 AS run\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [3, 3, 'as'],
      [4, 15, 'AS'],
    ]);
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('# escape=`\r\nFROM --platform=$BUILDPLATFORM golang:1.23 `\r\n  AS build\r\nfrom alpine:3 as run\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('is silenced by check=skip=FromAsCasing', () => {
    expect(lintRule(rule, '# check=skip=FromAsCasing\nFROM golang:1.23 as build\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=WorkdirRelativePath\nFROM golang:1.23 as build\n')).toHaveLength(1);
  });

  test('fixtures/rules/from-as-casing: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
