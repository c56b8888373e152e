import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (keyword: string): string =>
  `Empty line inside a continued ${keyword}: the builder skips it (future versions will reject it), and it hides that the instruction goes on.`;

describe('no-empty-continuation', () => {
  test('reports each empty or blank line with its line break', () => {
    const text = 'FROM debian:12\nRUN a \\\n\n  && b \\\n   \n  && c\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'no-empty-continuation', message: message('RUN'), line: 3, column: 1, endLine: 4, endColumn: 1, text: '\n' },
      { ruleId: 'no-empty-continuation', message: message('RUN'), line: 5, column: 1, endLine: 6, endColumn: 1, text: '   \n' },
    ]);
  });

  test('reports the instruction that swallows the next line, in any instruction and in ONBUILD', () => {
    const text = 'FROM debian:12\nrun echo \\\n\nRUN b\nONBUILD COPY \\\n\n  a b\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.message])).toEqual([
      [3, message('RUN')],
      [6, message('ONBUILD')],
    ]);
  });

  test('accepts comment lines in continuations, empty lines between instructions and in heredocs', () => {
    const text = 'FROM debian:12\n\nRUN a \\\n# note\n  && b\n\nRUN <<EOF\n\necho\n\nEOF\nCOPY <<EOF /x\n\nEOF\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the fix removes the lines, CRLF, and a second run changes nothing', () => {
    const text = 'FROM debian:12\r\nRUN a \\\r\n\r\n \t\r\n  && b\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM debian:12\r\nRUN a \\\r\n  && b\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('works with the backtick escape', () => {
    expect(lintRule(rule, '# escape=`\nFROM windows\nRUN a `\n\n  b\n').map((f) => f.line)).toEqual([4]);
  });

  test('fixtures/rules/no-empty-continuation: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
