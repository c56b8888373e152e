import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (user: string): string =>
  `The image runs as root: the last USER of the final stage is "${user}". Switch to an unprivileged user at the end.`;

describe('final-user-root', () => {
  test('reports the last USER of the final stage when it is root', () => {
    expect(lintRule(rule, 'FROM debian:12\nUSER app\nRUN id\nUSER root\n')).toEqual([
      { ruleId: 'final-user-root', message: message('root'), line: 4, column: 6, endLine: 4, endColumn: 10, text: 'root' },
    ]);
  });

  test('reports uid 0 and root with a group, lower-case keywords, CRLF and an ARG value', () => {
    expect(lintRule(rule, 'FROM debian:12\r\nuser 0:0\r\n').map((f) => [f.line, f.text, f.message])).toEqual([[2, '0:0', message('0:0')]]);
    expect(lintRule(rule, 'FROM debian:12\nARG RUNAS=root\nUSER ${RUNAS}:staff\n').map((f) => [f.text, f.message])).toEqual([
      ['${RUNAS}:staff', message('root:staff')],
    ]);
  });

  test('ignores root in a build stage, and a final stage that switches away from root', () => {
    const text = 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM debian:12\nUSER root\nRUN apt-get update\nUSER 10001\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('follows a final stage built FROM an earlier stage whose last USER is root', () => {
    const text = 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[2, 'root']]);
  });

  test('no USER at all, rootless users and unknown ARG values are not reported', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN true\n')).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12\nUSER rootless\n')).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12\nARG RUNAS\nUSER $RUNAS\n')).toEqual([]);
  });

  test('requireUser also reports a final stage that never sets USER, on its image', () => {
    const text = 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12-slim\nRUN true\n';
    expect(lintRule(rule, text, [{ requireUser: true }])).toEqual([
      {
        ruleId: 'final-user-root',
        message: "The final stage never sets USER, so it runs as the base image's user, often root: add a USER with an unprivileged id.",
        line: 3,
        column: 6,
        endLine: 3,
        endColumn: 20,
        text: 'debian:12-slim',
      },
    ]);
    expect(lintRule(rule, text)).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12 AS base\nUSER 1000\nFROM base\n', [{ requireUser: true }])).toEqual([]);
  });

  test('fixtures/rules/final-user-root: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
