import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('shell-exec-form', () => {
  test('reports the shell form on the body', () => {
    expect(lintRule(rule, 'FROM debian:12\nshell /bin/bash -c\n')).toEqual([
      {
        ruleId: 'shell-exec-form',
        message: 'SHELL must be a JSON array, like ["/bin/bash", "-c"]: the builder rejects the shell form.',
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 19,
        text: '/bin/bash -c',
      },
    ]);
  });

  test('reports an empty array', () => {
    expect(lintRule(rule, 'FROM debian:12\nSHELL []\n').map((f) => [f.text, f.message])).toEqual([['[]', 'SHELL needs at least the shell executable: ["/bin/bash", "-c"].']]);
  });

  test('accepts the JSON form and leaves single quotes to json-single-quotes', () => {
    expect(lintRule(rule, 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nSHELL [\'/bin/sh\', \'-c\']\n')).toEqual([]);
  });

  test('the fix writes a JSON array for plain words, across a continuation, CRLF', () => {
    const text = 'FROM debian:12\r\nSHELL /bin/bash \\\r\n  -o pipefail -c\r\nSHELL "$X" -c\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM debian:12\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nSHELL "$X" -c\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/shell-exec-form: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
