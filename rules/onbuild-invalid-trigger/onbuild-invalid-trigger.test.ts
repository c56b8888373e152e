import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('onbuild-invalid-trigger', () => {
  test('reports chaining and FROM / MAINTAINER triggers on the trigger keyword', () => {
    const text = 'FROM node:22\nONBUILD ONBUILD RUN x\nonbuild from alpine\nONBUILD \\\n  MAINTAINER me\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'onbuild-invalid-trigger', message: 'ONBUILD cannot trigger another ONBUILD: chaining is not allowed.', line: 2, column: 9, endLine: 2, endColumn: 16, text: 'ONBUILD' },
      { ruleId: 'onbuild-invalid-trigger', message: 'FROM cannot be an ONBUILD trigger.', line: 3, column: 9, endLine: 3, endColumn: 13, text: 'from' },
      { ruleId: 'onbuild-invalid-trigger', message: 'MAINTAINER cannot be an ONBUILD trigger.', line: 5, column: 3, endLine: 5, endColumn: 13, text: 'MAINTAINER' },
    ]);
  });

  test('accepts other triggers', () => {
    expect(lintRule(rule, 'FROM node:22\nONBUILD RUN npm ci\nONBUILD COPY . .\nONBUILD\n')).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
