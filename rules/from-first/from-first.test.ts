import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('from-first', () => {
  test('reports the first instruction that is neither ARG nor FROM', () => {
    expect(lintRule(rule, '# syntax=docker/dockerfile:1\nARG A=1\nenv B=2\nFROM alpine:3\n')).toEqual([
      { ruleId: 'from-first', message: 'ENV comes before the first FROM: only ARG (and comments) may precede it.', line: 3, column: 1, endLine: 3, endColumn: 4, text: 'env' },
    ]);
  });

  test('reports a file with ARGs only', () => {
    expect(lintRule(rule, 'ARG A=1\r\nARG B\r\n')).toEqual([
      { ruleId: 'from-first', message: 'This Dockerfile has no FROM instruction, so there is no image to build.', line: 1, column: 1, endLine: 1, endColumn: 4, text: 'ARG' },
    ]);
  });

  test('accepts FROM first, ARGs and comments before it, and an empty file', () => {
    expect(lintRule(rule, '# comment\nARG A=1\nfrom alpine:3\nRUN true\n')).toEqual([]);
    expect(lintRule(rule, '')).toEqual([]);
    expect(lintRule(rule, '# only a comment\n')).toEqual([]);
    expect(lintRule(rule, '{{ template }}\nFROM alpine:3\n')).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
