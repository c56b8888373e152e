import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('unknown-instruction', () => {
  test('names the nearest keyword, keeping lower case', () => {
    const text = 'FROM alpine:3\nrunn echo hi\nENTRYPIONT ["x"]\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'unknown-instruction', message: '"runn" is not a Dockerfile instruction. Did you mean "run"?', line: 2, column: 1, endLine: 2, endColumn: 5, text: 'runn' },
      {
        ruleId: 'unknown-instruction',
        message: '"ENTRYPIONT" is not a Dockerfile instruction. Did you mean "ENTRYPOINT"?',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 11,
        text: 'ENTRYPIONT',
      },
    ]);
  });

  test('the keyword is an unsafe fix (an editor suggestion), not a safe one', () => {
    const text = 'FORM alpine:3\r\ncopyy a /a\r\n';
    expect(lintMessages(rule, text).find((m) => m.ruleId === rule.id)?.suggestions?.map((s) => s.fix)).toEqual([{ range: [0, 4], text: 'FROM' }]);
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM alpine:3\r\ncopy a /a\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('stays silent on words with no close keyword and on known instructions', () => {
    expect(lintRule(rule, 'FROM alpine:3\napt-get install x\nRUN true\n')).toEqual([]);
  });

  test('shell words left over from a lost continuation are not typos of keywords', () => {
    expect(lintRule(rule, 'FROM alpine:3\nRUN cd /src &&\ncd build\nexport X=1\nend\n')).toEqual([]);
  });

  test('fixtures/rules/unknown-instruction: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
