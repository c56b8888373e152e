import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = 'ADD of local files: use COPY, which does not unpack archives or fetch URLs behind your back.';

describe('prefer-copy-over-add', () => {
  test('reports ADD of local files on the keyword', () => {
    expect(lintRule(rule, 'FROM x:1\nADD package.json src/ /app/\n')).toEqual([
      { ruleId: 'prefer-copy-over-add', message, line: 2, column: 1, endLine: 2, endColumn: 4, text: 'ADD' },
    ]);
  });

  test('accepts URLs, git sources, archives, ADD-only flags and unknown ARG sources', () => {
    const text = [
      'FROM x:1',
      'ARG SRC',
      'ADD https://example.com/tool /usr/local/bin/tool',
      'ADD git@github.com:org/repo.git /src',
      'ADD app.tar.gz /opt/',
      'ADD --checksum=sha256:abc https://example.com/a /a',
      'ADD --keep-git-dir=true https://github.com/org/repo.git /src',
      'ADD $SRC /app/',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('an ARG default that names an archive or a URL is not reported; one naming a file is', () => {
    expect(lintRule(rule, 'FROM x:1\nARG PKG=tool.tgz\nADD $PKG /opt/\n')).toEqual([]);
    expect(lintRule(rule, 'FROM x:1\nARG CONF=app.conf\nadd $CONF /etc/\n').map((f) => f.text)).toEqual(['add']);
  });

  test('fix keeps the keyword case and works on exec form, heredocs, flags, continuations and CRLF', () => {
    const text = 'FROM x:1\r\nadd --chown=app ["a b.txt", "/app/"]\r\nADD <<EOF /etc/motd\r\nhello\r\nEOF\r\nADD \\\r\n  conf/ /etc/app/\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM x:1\r\ncopy --chown=app ["a b.txt", "/app/"]\r\nCOPY <<EOF /etc/motd\r\nhello\r\nEOF\r\nCOPY \\\r\n  conf/ /etc/app/\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('a glob that could match a tar archive gets an unsafe fix; one with a file ending a safe fix', () => {
    const text = 'FROM x:1\nADD src/* /app/\nADD *.json /app/\n';
    expect(lintMessages(rule, text).map((m) => [m.line, m.fixDetails?.safety])).toEqual([
      [2, 'unsafe'],
      [3, 'safe'],
    ]);
    expect(fixRule(rule, text)).toBe('FROM x:1\nADD src/* /app/\nCOPY *.json /app/\n');
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM x:1\nCOPY src/* /app/\nCOPY *.json /app/\n');
  });

  test('reports and fixes ONBUILD ADD triggers', () => {
    const text = 'FROM x:1\nONBUILD ADD . /app/src/\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[2, 9, 'ADD']]);
    expect(fixRule(rule, text)).toBe('FROM x:1\nONBUILD COPY . /app/src/\n');
  });

  test('fixtures/rules/prefer-copy-over-add: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('# hadolint ignore=DL3020 silences the next instruction only', () => {
    expect(lintRule(rule, 'FROM x:1\n# hadolint ignore=DL3020\nADD a /a\nADD b /b\n').map((f) => f.line)).toEqual([4]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
