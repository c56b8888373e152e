import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('wget-and-curl', () => {
  test('reports the uses of the tool that came second', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN wget -q https://x/a\nRUN curl -fsSLO https://x/b\n')).toEqual([
      {
        ruleId: 'wget-and-curl',
        message: '"curl" is used here and "wget" earlier in this stage: pick one, so the image needs only one download tool.',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 9,
        text: 'curl',
      },
    ]);
  });

  test('one tool per stage, and installing the other one, are fine', () => {
    expect(lintRule(rule, 'FROM x AS a\nRUN curl -O https://x/a && apt-get install -y wget\nFROM x\nRUN wget https://x/b\n')).toEqual([]);
  });

  test('fixtures: stages, continuations with comments, heredocs, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
