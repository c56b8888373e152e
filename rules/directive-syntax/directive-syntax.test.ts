import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('directive-syntax', () => {
  test('reports an upper-case directive name', () => {
    expect(lintRule(rule, '# Syntax=docker/dockerfile:1\nFROM alpine:3\n')).toEqual([
      { ruleId: 'directive-syntax', message: 'Parser directive "Syntax" should be lowercase.', line: 1, column: 3, endLine: 1, endColumn: 9, text: 'Syntax' },
    ]);
  });

  test('reports an invalid escape and a duplicated directive', () => {
    const text = '#escape=/\n# escape=`\nFROM alpine:3\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [1, '/', '"escape" must be a backslash or a backtick, not "/".'],
      [2, 'escape', 'The "escape" parser directive is given more than once; the builder accepts only one.'],
    ]);
  });

  test('accepts lowercase directives and comments that only look like directives', () => {
    expect(lintRule(rule, '# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=all\nFROM alpine:3\n# Escape=x\n')).toEqual([]);
  });

  test('the fix lower-cases the name, CRLF', () => {
    const text = '# ESCAPE=`\r\n# Check=skip=all\r\nFROM alpine:3\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('# escape=`\r\n# check=skip=all\r\nFROM alpine:3\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/directive-syntax: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
