import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('json-single-quotes', () => {
  test('reports a single-quoted array on the body', () => {
    expect(lintRule(rule, "FROM node:22\nCMD ['node', 'server.js']\n")).toEqual([
      {
        ruleId: 'json-single-quotes',
        message: `JSON needs double quotes: with single quotes this CMD is shell form and runs the text "['node', 'server.js']" as a shell command.`,
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 26,
        text: "['node', 'server.js']",
      },
    ]);
  });

  test('covers every instruction with an exec form, in lower case', () => {
    const text = "FROM a\nentrypoint ['x']\nRUN ['a','b']\nSHELL ['/bin/bash', '-c']\nVOLUME ['/data']\nCOPY ['a', 'b/']\nADD ['a', 'b/']\n";
    expect(lintRule(rule, text).map((f) => f.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test('accepts JSON, shell commands that merely contain brackets or quotes', () => {
    const text = 'FROM a\nCMD ["x"]\nRUN [ -f /x ] && echo \'hi\'\nCMD echo \'[x]\'\nRUN [\'a\', "b"]\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the fix swaps quotes on one line only, CRLF', () => {
    const text = "FROM a\r\nCMD [ 'a b', '-c' ]\r\nCMD ['x', \\\r\n  'y']\r\n";
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM a\r\nCMD [ "a b", "-c" ]\r\nCMD [\'x\', \\\r\n  \'y\']\r\n');
    expect(lintRule(rule, fixed).map((f) => [f.line, f.endLine])).toEqual([[3, 4]]);
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/json-single-quotes: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
