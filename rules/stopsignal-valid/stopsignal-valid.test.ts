import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (value: string): string => `"${value}" is not a signal: use a name such as SIGTERM or SIGQUIT, or a signal number.`;

describe('stopsignal-valid', () => {
  test('reports an unknown signal name on the argument', () => {
    expect(lintRule(rule, 'FROM nginx:1.27\nstopsignal SIGSTOPPP\n')).toEqual([
      { ruleId: 'stopsignal-valid', message: message('SIGSTOPPP'), line: 2, column: 12, endLine: 2, endColumn: 21, text: 'SIGSTOPPP' },
    ]);
  });

  test('reports zero, out-of-range real-time signals and known bad ARG values', () => {
    const text = 'FROM a\nSTOPSIGNAL 0\nSTOPSIGNAL SIGRTMIN+16\nARG S=STOP_IT\nSTOPSIGNAL $S\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.message])).toEqual([
      [2, message('0')],
      [3, message('SIGRTMIN+16')],
      [5, message('STOP_IT')],
    ]);
  });

  test('accepts names with and without SIG in any case, numbers, real-time signals and unknown ARGs', () => {
    const text = 'FROM a\nSTOPSIGNAL SIGTERM\nSTOPSIGNAL quit\nSTOPSIGNAL sigwinch\nSTOPSIGNAL 9\nSTOPSIGNAL SIGRTMIN+3\nSTOPSIGNAL RTMAX-1\nARG SIG\nSTOPSIGNAL $SIG\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
