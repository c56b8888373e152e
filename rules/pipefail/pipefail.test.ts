import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('pipefail', () => {
  test('reports the pipeline, from its first to its last command', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n')).toEqual([
      {
        ruleId: 'pipefail',
        message: 'Without pipefail, this pipe succeeds when "curl" fails, as long as "tar" succeeds: set SHELL ["/bin/bash", "-o", "pipefail", "-c"], or start the RUN with "set -o pipefail" where the shell supports it.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 41,
        text: 'curl -fsSL https://x/a.tgz | tar -xz',
      },
    ]);
  });

  test('pipefail from SHELL (also inherited from a parent stage) or set before the pipe; echo pipes; non-POSIX shells', () => {
    for (const text of [
      'FROM x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
      'FROM x AS base\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
      'FROM x\nRUN set -eo pipefail; a | b\n',
      'FROM x\nRUN echo "$SUM  file" | sha256sum -c -\n',
      'FROM x\nSHELL ["pwsh", "-Command"]\nRUN a | b\n',
      'FROM x\nRUN ["sh", "-c", "a | b"]\n',
    ]) {
      expect(lintRule(rule, text)).toEqual([]);
    }
  });

  test('pipefail set after the pipe does not count; one finding per RUN', () => {
    expect(lintRule(rule, 'FROM x\nRUN a | b; c | d; set -o pipefail\n').map((f) => f.text)).toEqual(['a | b']);
  });

  test('the unsafe fix adds one SHELL per stage, before the first RUN with a pipe, and converges', () => {
    const text = 'FROM debian:12\nRUN a | b\nRUN c | d\nFROM debian:12\nRUN e | f\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe(
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c | d\nFROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN e | f\n',
    );
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('an ONBUILD trigger is reported without a fix', () => {
    const text = 'FROM debian:12\nONBUILD RUN a | b\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['a | b']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('fixtures: continuations with comments, heredocs, lower-case keywords, substitutions, Alpine without bash, SHELL', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
