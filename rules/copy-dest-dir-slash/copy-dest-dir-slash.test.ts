import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('copy-dest-dir-slash', () => {
  test('reports the destination of a COPY with several sources', () => {
    expect(lintRule(rule, 'FROM x:1\nCOPY package.json package-lock.json /app\n')).toEqual([
      {
        ruleId: 'copy-dest-dir-slash',
        message: 'COPY with 2 sources needs a directory destination ending in "/": "/app/".',
        line: 2,
        column: 37,
        endLine: 2,
        endColumn: 41,
        text: '/app',
      },
    ]);
  });

  test('counts heredoc sources and exec-form sources; ADD too', () => {
    const text = 'FROM x:1\nCOPY <<a.txt b.txt /data\nhello\na.txt\nadd ["x", "y", "/opt"]\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, '/data', 'COPY with 2 sources needs a directory destination ending in "/": "/data/".'],
      [5, '"/opt"', 'ADD with 2 sources needs a directory destination ending in "/": "/opt/".'],
    ]);
  });

  test('accepts one source, a trailing slash (also inside quotes or an ARG), ".", and unknown ARGs', () => {
    const text = [
      'FROM x:1',
      'ARG DEST=/srv/',
      'ARG UNKNOWN',
      'COPY a /app',
      'COPY a b /app/',
      'COPY a b "/opt/app/"',
      'COPY a b .',
      'COPY a b ../up/..',
      'COPY a b $DEST',
      'COPY a b $UNKNOWN',
      'COPY --from=build /a /b ./',
      'COPY <<EOF /done',
      'EOF',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a Windows destination ending in a backslash is a directory', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\Windows\\System32\\\nCOPY c.dll d.dll C:\\app\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[4, 'C:\\app']]);
  });

  test('fix appends the slash: bare, quoted, exec form, after continuations and on CRLF; fixing twice changes nothing', () => {
    const text = 'FROM x:1\r\nCOPY a \\\r\n  b /app\r\nCOPY a b "/srv"\r\nCOPY ["a", "b", "/opt"]\r\nARG D=/d\r\nCOPY a b $D\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM x:1\r\nCOPY a \\\r\n  b /app/\r\nCOPY a b "/srv/"\r\nCOPY ["a", "b", "/opt/"]\r\nARG D=/d\r\nCOPY a b $D/\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/copy-dest-dir-slash: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
