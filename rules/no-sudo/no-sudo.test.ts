import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('no-sudo', () => {
  test('reports sudo on the command word', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN sudo apt-get update\n')).toEqual([
      {
        ruleId: 'no-sudo',
        message: '"sudo" in a build behaves unpredictably (TTY, password prompts, a reset environment) and leaves sudo in the image: use USER to switch users, or gosu at run time.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 9,
        text: 'sudo',
      },
    ]);
  });

  test('as root, the unsafe fix removes sudo; after USER root it does too', () => {
    const text = 'FROM debian:12\nUSER root\nRUN sudo apt-get update && sudo   make install\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM debian:12\nUSER root\nRUN apt-get update && make install\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('no fix as another user, with sudo options, or in an ONBUILD trigger', () => {
    const text = 'FROM debian:12\nRUN sudo -u app make\nUSER 1000\nRUN sudo make\nUSER root\nONBUILD RUN sudo make\n';
    expect(lintRule(rule, text).map((f) => f.line)).toEqual([2, 4, 6]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('the word sudo as an argument is fine', () => {
    expect(lintRule(rule, 'FROM x\nRUN apt-get install -y sudo && echo sudo\n')).toEqual([]);
  });

  test('fixtures: continuations with comments, USER, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
