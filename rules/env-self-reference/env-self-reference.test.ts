import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (name: string, ref: string): string =>
  `"${name}" uses $${ref}, which this same ENV sets: values are expanded before the instruction runs, so it gets the old (empty) value. Split the ENV.`;

describe('env-self-reference', () => {
  test('reports the value that uses a variable set earlier in the same ENV', () => {
    expect(lintRule(rule, 'FROM x:1\nENV APP_HOME=/app APP_BIN=${APP_HOME}/bin\n')).toEqual([
      { ruleId: 'env-self-reference', message: message('APP_BIN', 'APP_HOME'), line: 2, column: 27, endLine: 2, endColumn: 42, text: '${APP_HOME}/bin' },
    ]);
  });

  test('finds $VAR and ${VAR:-x} forms across continuations, lower-case keywords and CRLF', () => {
    const text = 'FROM x:1\r\nenv A=1 \\\r\n  B="$A-x" \\\r\n  C=${B:-none}\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [3, '"$A-x"', message('B', 'A')],
      [4, '${B:-none}', message('C', 'B')],
    ]);
  });

  test('a variable set twice in one ENV: the second value reads the old one, so the first is lost', () => {
    expect(lintRule(rule, 'FROM x:1\nENV PATH=/a:${PATH} PATH=/b:${PATH}\n').map((f) => [f.column, f.text])).toEqual([[26, '/b:${PATH}']]);
  });

  test('no report for a variable set before the ENV, its own old value, a later pair, escapes or single quotes', () => {
    const text = [
      'FROM x:1',
      'ARG VERSION=1',
      'ENV HOME_DIR=/home',
      'ENV VERSION=2 TAG=v$VERSION',
      'ENV HOME_DIR=/srv USER_DIR=$HOME_DIR/u',
      'ENV PATH=/opt/bin:$PATH',
      "ENV X=1 Y=\\$X Z='$X'",
      'ENV P=$Q Q=2',
      'ENV AB=1 C=$ABC',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the fix is unsafe: it splits the ENV before each offending pair, keeping CRLF and keyword case', () => {
    const text = 'FROM x:1\r\nenv A=1 \\\r\n  B=$A C=$B\r\n';
    expect(lintMessages(rule, text).map((m) => m.fixDetails?.safety)).toEqual(['unsafe', 'unsafe']);
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM x:1\r\nenv A=1\r\nenv B=$A\r\nenv C=$B\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('no fix when a comment line sits between the pairs', () => {
    const text = 'FROM x:1\nENV A=1 \\\n# the binary\n  B=$A\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['$A']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('fixtures/rules/env-self-reference: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
