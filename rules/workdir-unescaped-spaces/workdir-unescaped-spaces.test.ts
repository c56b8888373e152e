import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('workdir-unescaped-spaces', () => {
  test('reports a WORKDIR path with a bare space', () => {
    expect(lintRule(rule, 'FROM x:1\nWORKDIR /srv/my app\n')).toEqual([
      {
        ruleId: 'workdir-unescaped-spaces',
        message: 'WORKDIR "/srv/my app" holds unescaped spaces: escape or quote them so the path reads as one argument.',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 20,
        text: '/srv/my app',
      },
    ]);
  });

  test('accepts quoted and escaped spaces and paths without spaces', () => {
    expect(lintRule(rule, 'FROM x:1\nWORKDIR "/srv/my app"\nWORKDIR /srv/my\\ app\nworkdir /srv/app\n')).toEqual([]);
  });

  test('fix quotes a plain path, keeping CRLF; fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM x:1\r\nWORKDIR /srv/my app\r\n');
    expect(fixed).toBe('FROM x:1\r\nWORKDIR "/srv/my app"\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fix escapes each space when the path already holds quotes or escapes, with the file escape character', () => {
    expect(fixRule(rule, 'FROM x:1\nWORKDIR /a\\ b/c d\n')).toBe('FROM x:1\nWORKDIR /a\\ b/c\\ d\n');
    expect(fixRule(rule, '# escape=`\nFROM x:1\nWORKDIR C:\\Program Files (x86)\\App\n')).toBe('# escape=`\nFROM x:1\nWORKDIR "C:\\Program Files (x86)\\App"\n');
    expect(fixRule(rule, '# escape=`\nFROM x:1\nWORKDIR C:\\My` Apps\\A B\n')).toBe('# escape=`\nFROM x:1\nWORKDIR C:\\My` Apps\\A` B\n');
  });

  test('fixtures/rules/workdir-unescaped-spaces: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
