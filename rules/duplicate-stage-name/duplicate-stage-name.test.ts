import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('duplicate-stage-name', () => {
  test('reports every later definition of a name, case-insensitively', () => {
    const text = 'FROM alpine:3 AS build\nRUN true\nfrom alpine:3 as Build\nFROM alpine:3 AS other\r\nFROM alpine:3 AS BUILD\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'duplicate-stage-name',
        message: 'Stage name "Build" is already used by the stage on line 1; stage names must be unique (case-insensitively).',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 23,
        text: 'Build',
      },
      {
        ruleId: 'duplicate-stage-name',
        message: 'Stage name "BUILD" is already used by the stage on line 1; stage names must be unique (case-insensitively).',
        line: 5,
        column: 18,
        endLine: 5,
        endColumn: 23,
        text: 'BUILD',
      },
    ]);
  });

  test('accepts distinct names, unnamed stages and a stage named like an image', () => {
    expect(lintRule(rule, 'FROM alpine:3\nFROM alpine:3\nFROM alpine:3 AS alpine\nFROM alpine AS a2\n')).toEqual([]);
  });

  test('the unsafe fix renames the later definitions to free names', () => {
    const text = 'FROM alpine:3 AS build\nFROM alpine:3 AS build-2\nFROM alpine:3 AS Build\nCOPY --from=build /a /a\nFROM alpine:3 AS build\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM alpine:3 AS build\nFROM alpine:3 AS build-2\nFROM alpine:3 AS build-3\nCOPY --from=build /a /a\nFROM alpine:3 AS build-4\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
