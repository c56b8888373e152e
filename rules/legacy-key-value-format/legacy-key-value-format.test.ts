import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('legacy-key-value-format', () => {
  test('reports ENV key value on the pair', () => {
    expect(lintRule(rule, 'FROM x:1\nENV NODE_ENV production\n')).toEqual([
      {
        ruleId: 'legacy-key-value-format',
        message: 'Legacy "ENV NODE_ENV value" form: write "ENV NODE_ENV=value" (the legacy form is deprecated and reads the rest of the line as one value).',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 24,
        text: 'NODE_ENV production',
      },
    ]);
  });

  test('reports LABEL too, and lower-case keywords; accepts key=value forms', () => {
    const text = 'FROM x:1\nlabel maintainer "Jane Doe"\nENV A=1 B=2\nLABEL c=d\nARG E=f\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[2, 'maintainer "Jane Doe"']]);
  });

  test('fix: one word gets "=", quoted words keep their quotes, several plain words are quoted', () => {
    const text = [
      'FROM x:1',
      'ENV PATH /opt/bin:$PATH',
      'ENV GREETING "hello world"',
      "LABEL description It's fine",
      'ENV JAVA_OPTS -Xmx1g  -Xms512m',
      'ENV EMPTY ""',
      '',
    ].join('\n');
    const fixed = fixRule(rule, text);
    expect(fixed).toBe(
      [
        'FROM x:1',
        'ENV PATH=/opt/bin:$PATH',
        'ENV GREETING="hello world"',
        "LABEL description It's fine",
        'ENV JAVA_OPTS="-Xmx1g  -Xms512m"',
        'ENV EMPTY=""',
        '',
      ].join('\n'),
    );
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fix joins a name and value split by a continuation and keeps CRLF', () => {
    expect(fixRule(rule, 'FROM x:1\r\nENV A \\\r\n  1\r\n')).toBe('FROM x:1\r\nENV A=1\r\n');
  });

  test('fix quotes a value continued over several lines, keeping the continuations', () => {
    const text = 'FROM x:1\nENV DEPS \\\n    curl \\\n    git\nRUN true\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM x:1\nENV DEPS="curl \\\n    git"\nRUN true\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('no fix when a comment line sits in the value or between name and value', () => {
    const inValue = 'FROM x:1\nENV A one \\\n# why\n  two\n';
    expect(lintRule(rule, inValue).map((f) => f.line)).toEqual([2]);
    expect(fixRule(rule, inValue)).toBe(inValue);
    const between = 'FROM x:1\nENV A \\\n# why\n  1\n';
    expect(lintRule(rule, between).map((f) => f.line)).toEqual([2]);
    expect(fixRule(rule, between)).toBe(between);
  });

  test('reports and fixes ONBUILD ENV triggers', () => {
    const text = 'FROM x:1\nONBUILD ENV A 1\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[2, 13, 'A 1']]);
    expect(fixRule(rule, text)).toBe('FROM x:1\nONBUILD ENV A=1\n');
  });

  test('fixtures/rules/legacy-key-value-format: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('BuildKit\'s check=skip directive and hadolint-style ignores name the BuildKit check', () => {
    expect(lintRule(rule, '# check=skip=LegacyKeyValueFormat\nFROM x:1\nENV A 1\n')).toEqual([]);
    expect(lintRule(rule, 'FROM x:1\n# dockerfile-opt ignore=LegacyKeyValueFormat\nENV A 1\nENV B 2\n').map((f) => f.line)).toEqual([4]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
