import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('zypper-dist-upgrade', () => {
  test('reports zypper dist-upgrade on the command words', () => {
    expect(lintRule(rule, 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n')).toEqual([
      {
        ruleId: 'zypper-dist-upgrade',
        message: '"zypper dist-upgrade" upgrades the whole distribution inside the image, which may change its release and bloats the layer: use a newer base image instead.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 27,
        text: 'zypper -n dist-upgrade',
      },
    ]);
  });

  test('zypper update, patch and other managers are fine', () => {
    expect(lintRule(rule, 'FROM x\nRUN zypper -n update && zypper -n patch && apt-get dist-upgrade -y && echo dup\n')).toEqual([]);
  });

  test('ONBUILD triggers are checked', () => {
    expect(lintRule(rule, 'FROM x\nONBUILD RUN zypper dup -y\n').map((f) => f.text)).toEqual(['zypper dup']);
  });

  test('fixtures: continuations with comments, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
