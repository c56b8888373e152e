import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('user-non-numeric', () => {
  test('reports a user name in the final stage', () => {
    expect(lintRule(rule, 'FROM debian:12\nUSER app\n')).toEqual([
      {
        ruleId: 'user-non-numeric',
        message: 'USER "app" is a name: use the numeric id ("USER 10001:10001") so runtimes can check it is not root.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 9,
        text: 'app',
      },
    ]);
  });

  test('reports a name with a numeric group and a name from an ARG default; lower-case keyword', () => {
    const text = 'FROM debian:12\r\nARG NAME=node\r\nuser ${NAME}:1000\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [3, '${NAME}:1000', 'USER "node:1000" is a name: use the numeric id ("USER 10001:10001") so runtimes can check it is not root.'],
    ]);
  });

  test('accepts numeric ids (with a group name), unknown ARGs and names in build stages', () => {
    const text = 'FROM node:22 AS build\nUSER node\nFROM debian:12\nARG UID\nUSER $UID\nUSER 10001:app\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
