import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('key-value-syntax', () => {
  test('reports a pair without "=" among several, on its name', () => {
    expect(lintRule(rule, 'FROM x:1\nENV A=1 DEBUG\n')).toEqual([
      {
        ruleId: 'key-value-syntax',
        message: '"DEBUG" has no "=": when ENV sets several pairs, each one is name=value.',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 14,
        text: 'DEBUG',
      },
    ]);
  });

  test('reports a lone name without a value, a missing name and unclosed quotes; an empty ENV is argument-count\'s', () => {
    const text = ['FROM x:1', 'label version', 'ENV =value', 'ARG A="unterminated', "LABEL b='x", 'ENV', ''].join('\n');
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'version', 'LABEL version has no value: write LABEL version=value.'],
      [3, '=value', 'ENV pair "=value" has no name before "=".'],
      [4, '"unterminated', 'The value of "A" opens a double quote it never closes.'],
      [5, "'x", 'The value of "b" opens a single quote it never closes.'],
    ]);
  });

  test('a legacy ENV with an apostrophe is an unclosed quote, across a continuation and CRLF', () => {
    const text = "FROM x:1\r\nLABEL description \\\r\n  Bob's image\r\n";
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.endLine, f.endColumn])).toEqual([[3, 3, 3, 14]]);
  });

  test('accepts well-formed pairs, ARG names without values, legacy forms and escaped quotes', () => {
    const text = [
      'FROM x:1',
      'ARG VERSION',
      'ARG A=1 B',
      'ENV A=1 B="two words" C=\'$x\' D=',
      'ENV LEGACY some value',
      'LABEL quote="say \\"hi\\"" path=\'C:\\dir\\\'',
      'ENV E=a\\ b',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('checks ONBUILD ENV, LABEL and ARG triggers', () => {
    expect(lintRule(rule, 'FROM x:1\nONBUILD ENV A=1 B\nONBUILD ARG C=1\n').map((f) => [f.line, f.column, f.text])).toEqual([[2, 17, 'B']]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
