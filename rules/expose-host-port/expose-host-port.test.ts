import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('expose-host-port', () => {
  test('reports a host port on the host part', () => {
    expect(lintRule(rule, 'FROM x:1\nEXPOSE 8080:80\n')).toEqual([
      {
        ruleId: 'expose-host-port',
        message: 'EXPOSE "8080:80" maps a host port, which the build ignores: publish ports with `docker run -p`, expose only "80".',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 13,
        text: '8080:',
      },
    ]);
  });

  test('reports a host IP and port', () => {
    expect(lintRule(rule, 'FROM x:1\nexpose 127.0.0.1:8080:80/udp\n').map((f) => [f.text, f.message])).toEqual([
      ['127.0.0.1:8080:', 'EXPOSE "127.0.0.1:8080:80/udp" maps a host IP and port, which the build ignores: publish ports with `docker run -p`, expose only "80/udp".'],
    ]);
  });

  test('accepts container ports, ranges and ${VAR:-default} (whose colon is not a host separator)', () => {
    expect(lintRule(rule, 'FROM x:1\nEXPOSE 80 8000-8010/tcp ${PORT:-3000} $P\n')).toEqual([]);
  });

  test('fix drops the host part, in every argument and on CRLF files; fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM x:1\r\nEXPOSE 0.0.0.0:443:443/tcp \\\r\n  9090:9090\r\n');
    expect(fixed).toBe('FROM x:1\r\nEXPOSE 443/tcp \\\r\n  9090\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('reports and fixes ONBUILD EXPOSE triggers', () => {
    const text = 'FROM x:1\nONBUILD EXPOSE 8080:80\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[2, 16, '8080:']]);
    expect(fixRule(rule, text)).toBe('FROM x:1\nONBUILD EXPOSE 80\n');
  });

  test('fixtures/rules/expose-host-port: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
