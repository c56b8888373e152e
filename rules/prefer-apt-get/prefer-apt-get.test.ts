import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('prefer-apt-get', () => {
  test('reports apt on the program word with its replacement', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt install -y curl\n')).toEqual([
      {
        ruleId: 'prefer-apt-get',
        message: '"apt" is for interactive use and its output and behaviour may change between releases: use "apt-get install".',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 8,
        text: 'apt',
      },
    ]);
  });

  test('the safe fix renames the program (and full-upgrade), keeping a path prefix', () => {
    const text = 'FROM debian:12\nRUN apt update && /usr/bin/apt full-upgrade -y && apt search curl\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM debian:12\nRUN apt-get update && /usr/bin/apt-get dist-upgrade -y && apt-cache search curl\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('a quoted program word is reported without a fix', () => {
    const text = 'FROM debian:12\nRUN "apt" install -y curl\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['"apt"']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('apt list has no counterpart: reported without a fix', () => {
    const text = 'FROM debian:12\nRUN apt list --installed\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['apt']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('apt-get, apt-cache and words that only contain apt are fine', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get install -y apt-utils && apt-cache policy curl && echo apt\n')).toEqual([]);
  });

  test('fixtures: continuations with comments, heredocs, lower-case keywords, exec form', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
