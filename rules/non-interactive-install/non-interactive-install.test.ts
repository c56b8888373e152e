import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('non-interactive-install', () => {
  test('reports yum install without -y on the command words', () => {
    expect(lintRule(rule, 'FROM centos:7\nRUN yum install httpd\n')).toEqual([
      {
        ruleId: 'non-interactive-install',
        message: '"yum install" without -y asks for a confirmation that nobody can give during a build.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 16,
        text: 'yum install',
      },
    ]);
  });

  test('accepts every assume-yes spelling, before or after the subcommand', () => {
    for (const command of [
      'yum -y install httpd',
      'yum install --assumeyes httpd',
      'dnf install -qy httpd',
      'zypper -n install vim',
      'zypper --non-interactive in vim',
      'zypper install --no-confirm vim',
      'zypper install -y vim',
      'dnf makecache',
      'yum clean all',
      'microdnf install tar',
    ]) {
      expect(lintRule(rule, `FROM x\nRUN ${command}\n`)).toEqual([]);
    }
  });

  test('zypper asks for -n, and sudo does not hide the command', () => {
    expect(lintRule(rule, 'FROM x\nRUN sudo zypper dup\n').map((f) => [f.text, f.message])).toEqual([
      ['zypper dup', '"zypper dup" without -n asks for a confirmation that nobody can give during a build.'],
    ]);
  });

  test('the fix inserts -y after the subcommand (-n after zypper), safely, and fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM x\r\nRUN dnf install httpd \\\r\n  && zypper rm vim\r\n');
    expect(fixed).toBe('FROM x\r\nRUN dnf install -y httpd \\\r\n  && zypper -n rm vim\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('a hadolint ignore pragma silences the findings of its manager only', () => {
    const text = 'FROM x\n# hadolint ignore=DL3038\nRUN dnf install a && yum install b && zypper in c\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['yum install', 'zypper in']);
  });

  test('ONBUILD triggers are checked', () => {
    expect(lintRule(rule, 'FROM x\nONBUILD RUN yum update\n').map((f) => f.text)).toEqual(['yum update']);
  });

  test('fixtures: continuations with comments, heredocs, lower-case keywords, stages', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
