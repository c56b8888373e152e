import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('prefer-workdir', () => {
  test('reports a cd that starts the RUN, on the cd command', () => {
    expect(lintRule(rule, 'FROM node:20\nRUN cd /app && npm ci\n')).toEqual([
      {
        ruleId: 'prefer-workdir',
        message: '"cd" at the start of a RUN lasts for this RUN only: set the directory with WORKDIR, which later instructions see too.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 12,
        text: 'cd /app',
      },
    ]);
  });

  test('cd later in the RUN, in a subshell, or alone is not reported by default', () => {
    expect(lintRule(rule, 'FROM x\nRUN make && cd out && ls\nRUN (cd /tmp && make) && ls\nRUN cd /tmp\n')).toEqual([]);
  });

  test('everywhere: every cd outside a subshell, as hadolint does', () => {
    const text = 'FROM x\nRUN make && cd out && ls\nRUN (cd /tmp && make) && ls\n';
    expect(lintRule(rule, text, [{ everywhere: true }]).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'cd out', '"cd" changes the directory for the rest of this RUN only: prefer WORKDIR, or scope it in a subshell "( cd dir && ... )".'],
    ]);
  });

  test('fixtures: set -e first, continuations with comments, heredocs, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
