import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('no-chpasswd', () => {
  test('reports chpasswd on the command word', () => {
    expect(lintRule(rule, "FROM debian:12\nRUN echo 'root:secret' | chpasswd\n")).toEqual([
      {
        ruleId: 'no-chpasswd',
        message: '"chpasswd" bakes a password into the image: its hash is in /etc/shadow of every copy, and the clear text is in the image history. Use key-based access, or set secrets at run time.',
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 34,
        text: 'chpasswd',
      },
    ]);
  });

  test('behind sudo, in ONBUILD, and in heredocs', () => {
    expect(lintRule(rule, 'FROM x\nONBUILD RUN sudo chpasswd < /p\nRUN <<EOF\nchpasswd < /p\nEOF\n').map((f) => [f.line, f.text])).toEqual([
      [2, 'chpasswd'],
      [4, 'chpasswd'],
    ]);
  });

  test('the word as an argument is fine', () => {
    expect(lintRule(rule, 'FROM x\nRUN echo chpasswd && apt-get install -y passwd\n')).toEqual([]);
  });

  test('fixtures: pipelines, continuations with comments, lower-case keywords, paths', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
