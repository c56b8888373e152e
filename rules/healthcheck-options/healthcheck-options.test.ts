import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('healthcheck-options', () => {
  test('reports an invalid duration on the flag', () => {
    expect(lintRule(rule, 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD true\n')).toEqual([
      {
        ruleId: 'healthcheck-options',
        message: '"--interval=30" is not a duration: write a number with a unit, like 30s or 1m30s.',
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 26,
        text: '--interval=30',
      },
    ]);
  });

  test('reports durations under 1ms, bad retries, and the shape of the arguments', () => {
    const text = [
      'FROM nginx:1.27',
      'healthcheck --timeout=500us --start-period=1x --retries=-1 cmd true',
      'HEALTHCHECK',
      'HEALTHCHECK CMD',
      'HEALTHCHECK NONE now please',
      'HEALTHCHECK CONNECT tcp',
      '',
    ].join('\n');
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, '--timeout=500us', '"--timeout=500us" is shorter than the 1ms minimum (use 0 for the default).'],
      [2, '--start-period=1x', '"--start-period=1x" is not a duration: write a number with a unit, like 30s or 1m30s.'],
      [2, '--retries=-1', '"--retries=-1" must be a whole number, zero or more.'],
      [3, 'HEALTHCHECK', 'HEALTHCHECK needs "CMD <command>" or "NONE".'],
      [4, 'CMD', 'HEALTHCHECK CMD needs a command to run.'],
      [5, 'now please', 'HEALTHCHECK NONE takes no arguments.'],
      [6, 'CONNECT', 'HEALTHCHECK takes "CMD <command>" or "NONE", not "CONNECT".'],
    ]);
  });

  test('accepts valid durations (zero included), exec form, continuations and variables', () => {
    const text = 'FROM nginx:1.27\r\nHEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0s --start-interval=0 --retries=0 \\\r\n  CMD ["curl", "-f", "http://localhost/"]\r\nHEALTHCHECK --interval=$I NONE\r\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
