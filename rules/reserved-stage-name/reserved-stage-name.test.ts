import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('reserved-stage-name', () => {
  test('reports scratch and context in any case', () => {
    expect(lintRule(rule, 'FROM alpine:3 AS Scratch\nfrom alpine:3 as context\n')).toEqual([
      {
        ruleId: 'reserved-stage-name',
        message: 'Stage name "Scratch" is reserved: "scratch" already means the empty base image, so references to it are ambiguous.',
        line: 1,
        column: 18,
        endLine: 1,
        endColumn: 25,
        text: 'Scratch',
      },
      {
        ruleId: 'reserved-stage-name',
        message: 'Stage name "context" is reserved: "context" already means the build context, so references to it are ambiguous.',
        line: 2,
        column: 18,
        endLine: 2,
        endColumn: 25,
        text: 'context',
      },
    ]);
  });

  test('accepts other names and FROM scratch', () => {
    expect(lintRule(rule, 'FROM scratch AS rootfs\nFROM scratch\nFROM alpine:3 AS scratchpad\n')).toEqual([]);
  });

  test('the unsafe fix renames the stage and its COPY --from and mount references, not FROM scratch', () => {
    const text =
      'FROM alpine:3 AS scratch\r\nRUN touch /a\r\nFROM alpine:3 AS scratch-stage\r\nFROM scratch\r\nCOPY --from=scratch /a /\r\nRUN --mount=type=bind,from=scratch,target=/s true\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe(
      'FROM alpine:3 AS scratch-stage-2\r\nRUN touch /a\r\nFROM alpine:3 AS scratch-stage\r\nFROM scratch\r\nCOPY --from=scratch-stage-2 /a /\r\nRUN --mount=type=bind,from=scratch-stage-2,target=/s true\r\n',
    );
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('no fix when a reference goes through a variable', () => {
    const text = 'FROM alpine:3 AS context\nFROM alpine:3\nARG SRC=context\nCOPY --from=${SRC} /a /\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
    expect(lintRule(rule, text)).toHaveLength(1);
  });

  test('fixtures/rules/reserved-stage-name: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
