import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('shell-symlink', () => {
  test('reports ln -s of another shell onto /bin/sh, from ln to the target', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n')).toEqual([
      {
        ruleId: 'shell-symlink',
        message: 'Linking another shell to /bin/sh changes the shell of every later RUN, and of every script in the image, behind the Dockerfile\'s back: use SHELL ["/bin/bash", "-c"] instead.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 29,
        text: 'ln -sf /bin/bash /bin/sh',
      },
    ]);
  });

  test('other links, hard links and a RUN under its own SHELL are fine', () => {
    expect(lintRule(rule, 'FROM x\nRUN ln -s /bin/bash /bin/bash5 && ln /bin/sh /bin/sh2 && ln -s /bin/sh\nSHELL ["/busybox/sh", "-c"]\nRUN ln -s /busybox/sh /bin/sh\n')).toEqual([]);
  });

  test('fixtures: continuations with comments, lower-case keywords, /usr/bin/sh, distroless', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
