import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('workdir-system-directory', () => {
  test('reports a WORKDIR inside /proc', () => {
    expect(lintRule(rule, 'FROM debian:12\nWORKDIR /proc/app\n')).toEqual([
      {
        ruleId: 'workdir-system-directory',
        message: 'WORKDIR "/proc/app" is inside /proc, which the runtime mounts over or the host owns: files written there at build time are hidden or lost.',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 18,
        text: '/proc/app',
      },
    ]);
  });

  test('resolves relative paths, quotes and ARG values; lower-case keyword and CRLF', () => {
    const text = 'FROM debian:12\r\nWORKDIR /\r\nworkdir dev\r\nARG D=/sys/x\r\nWORKDIR "$D"\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [3, 'dev'],
      [5, '"$D"'],
    ]);
  });

  test('accepts ordinary directories, look-alike names and unknown values', () => {
    expect(lintRule(rule, 'FROM debian:12\nARG DIR\nWORKDIR /process\nWORKDIR /srv/dev\nWORKDIR $DIR\nWORKDIR /app\n')).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
