import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('wget-progress', () => {
  test('reports wget without a progress or quiet option, on the program word', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz\n')).toEqual([
      {
        ruleId: 'wget-progress',
        message: '"wget" without --progress prints a progress line for every few kilobytes: add --progress=dot:giga, or -nv / -q.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 9,
        text: 'wget',
      },
    ]);
  });

  test('accepts --progress, -q, -nv and a log file', () => {
    for (const args of ['--progress=dot:giga', '-q', '-qO-', '--quiet', '-nv', '--no-verbose', '-o log', '--output-file=log', '-a log']) {
      expect(lintRule(rule, `FROM debian:12\nRUN wget ${args} https://example.com/x\n`)).toEqual([]);
    }
  });

  test('the fix is safe on a known non-BusyBox base, unsafe on Alpine or an unknown base', () => {
    const debian = 'FROM debian:12\nRUN wget https://example.com/x\n';
    expect(fixRule(rule, debian)).toBe('FROM debian:12\nRUN wget --progress=dot:giga https://example.com/x\n');
    for (const base of ['alpine:3.20', 'busybox', '${BASE}']) {
      const text = `ARG BASE\nFROM ${base}\nRUN wget https://example.com/x\n`;
      expect(lintMessages(rule, text).map((m) => m.fixDetails?.safety)).toEqual(['unsafe']);
      expect(fixRule(rule, text)).toBe(text);
    }
  });

  test('fixtures: stages, continuations with comments, pipelines, lower-case keywords', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
