import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const constant = (value: string): string =>
  `"--platform=${value}" pins this stage to one platform, so the Dockerfile cannot build for others: leave it out or use $BUILDPLATFORM.`;

describe('from-platform-flag', () => {
  test('reports a constant platform on the flag', () => {
    expect(lintRule(rule, 'from --platform=linux/amd64 node:22 as build\n')).toEqual([
      { ruleId: 'from-platform-flag', message: constant('linux/amd64'), line: 1, column: 6, endLine: 1, endColumn: 28, text: '--platform=linux/amd64' },
    ]);
  });

  test('accepts variables, no flag, and a constant in a stage named after its platform', () => {
    const text = [
      'ARG P=linux/amd64',
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS a',
      'FROM --platform=${P} alpine:3',
      'FROM --platform=linux/arm64 alpine:3 AS build_arm64',
      'FROM --platform=windows/amd64 alpine:3 AS base-windows',
      'FROM alpine:3',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('strict: every platform not taken from BUILDPLATFORM or TARGETPLATFORM', () => {
    const text = 'FROM --platform=${P} alpine:3\nFROM --platform=linux/arm64 alpine:3 AS build_arm64\nFROM --platform="${BUILDPLATFORM:-linux/amd64}" alpine:3\n';
    expect(lintRule(rule, text, [{ strict: true }]).map((f) => [f.line, f.text, f.message])).toEqual([
      [1, '--platform=${P}', '"--platform=${P}" sets the stage platform from a variable other than $BUILDPLATFORM or $TARGETPLATFORM.'],
      [2, '--platform=linux/arm64', constant('linux/arm64')],
    ]);
  });

  test('check=skip=FromPlatformFlagConstDisallowed and hadolint ignore=DL3029 both switch off constants', () => {
    const text = 'FROM --platform=linux/amd64 alpine:3\n';
    expect(lintRule(rule, `# check=skip=FromPlatformFlagConstDisallowed\n${text}`)).toEqual([]);
    expect(lintRule(rule, `# hadolint ignore=DL3029\n${text}`)).toEqual([]);
    // strict findings BuildKit would not make are not switched off by its check name
    const strictOnly = '# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=${P} alpine:3\n';
    expect(lintRule(rule, strictOnly, [{ strict: true }])).toHaveLength(1);
  });

  test('the unsafe fix removes a constant flag, across a continuation', () => {
    const text = 'FROM --platform=linux/amd64 \\\n  node:22 AS build\nFROM --platform=$P alpine:3\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM node:22 AS build\nFROM --platform=$P alpine:3\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
