import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (name: string, suggestion = ''): string =>
  `"${name}" is not declared with ARG before the first FROM, so it is empty here and --build-arg cannot set it.${suggestion}`;

describe('undefined-arg-in-from', () => {
  test('reports an undeclared variable in the image with a did-you-mean', () => {
    expect(lintRule(rule, 'ARG NODE_VERSION=22\nFROM node:${NODE_VERION} AS app\n')).toEqual([
      {
        ruleId: 'undefined-arg-in-from',
        message: message('NODE_VERION', ' Did you mean "NODE_VERSION"?'),
        line: 2,
        column: 11,
        endLine: 2,
        endColumn: 25,
        text: '${NODE_VERION}',
      },
    ]);
  });

  test('reports variables in --platform, with defaults, and ARGs declared only inside a stage', () => {
    const text = 'FROM alpine:3\nARG TAG=1\nfrom --platform=$PLATFORM alpine:${TAG:-3}\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message])).toEqual([
      [3, 17, '$PLATFORM', message('PLATFORM')],
      [3, 34, '${TAG:-3}', message('TAG')],
    ]);
  });

  test('accepts global ARGs, platform ARGs, proxy ARGs and an escaped dollar', () => {
    const text = 'ARG BASE=alpine TAG\r\nFROM ${BASE}:${TAG}\r\nFROM --platform=${BUILDPLATFORM} golang:1.23-${TARGETARCH}\r\nFROM x:$http_proxy\r\nFROM a\\$b\r\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the unsafe fix renames a typo to the declared ARG, keeping braces and modifiers', () => {
    const text = 'ARG NODE_VERSION=22\r\nFROM node:${NODE_VERION:-22}\r\nFROM node:$NODE_VERION\r\nFROM x:$UNRELATED\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('ARG NODE_VERSION=22\r\nFROM node:${NODE_VERSION:-22}\r\nFROM node:$NODE_VERSION\r\nFROM x:$UNRELATED\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
