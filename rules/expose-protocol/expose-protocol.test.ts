import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('expose-protocol', () => {
  test('reports an upper-case protocol on the protocol token', () => {
    expect(lintRule(rule, 'FROM nginx:1.27\nEXPOSE 80/TCP 53/udp\n')).toEqual([
      { ruleId: 'expose-protocol', message: 'Protocol "TCP" should be lower-case: "tcp".', line: 2, column: 11, endLine: 2, endColumn: 14, text: 'TCP' },
    ]);
  });

  test('reports an unknown protocol without a fix', () => {
    const text = 'FROM nginx:1.27\nexpose 443/https\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([['https', 'Unknown protocol "https": EXPOSE accepts tcp, udp or sctp.']]);
    expect(fixRule(rule, text)).toBe(text);
  });

  test('accepts lower-case protocols, bare ports, ranges and variables', () => {
    expect(lintRule(rule, 'FROM x:1\nARG PROTO=tcp\nEXPOSE 80 443/tcp 8000-8010/udp 9/sctp 7/${PROTO}\n')).toEqual([]);
  });

  test('fix lower-cases every protocol, across continuations and CRLF; fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM x:1\r\nEXPOSE 80/Tcp \\\r\n  53/UDP\r\n');
    expect(fixed).toBe('FROM x:1\r\nEXPOSE 80/tcp \\\r\n  53/udp\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('reports and fixes ONBUILD EXPOSE triggers', () => {
    const text = 'FROM x:1\nONBUILD EXPOSE 80/UDP\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[2, 19, 'UDP']]);
    expect(fixRule(rule, text)).toBe('FROM x:1\nONBUILD EXPOSE 80/udp\n');
  });

  test('fixtures/rules/expose-protocol: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
