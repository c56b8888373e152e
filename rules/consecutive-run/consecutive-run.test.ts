import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('consecutive-run', () => {
  test('reports the second RUN keyword', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN make\nRUN make install\n')).toEqual([
      {
        ruleId: 'consecutive-run',
        message: 'This RUN directly follows another one: each RUN makes a layer, so merging them saves one (at the cost of caching them together).',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 4,
        text: 'RUN',
      },
    ]);
  });

  test('the unsafe fix merges with a continuation, in the file\'s line ending, and converges', () => {
    const text = 'FROM debian:12\r\nRUN make\r\nRUN make install\r\nrun make clean\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM debian:12\r\nRUN make && \\\r\n    make install && \\\r\n    make clean\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('the escape directive is kept in the continuation', () => {
    const text = '# escape=`\nFROM debian:12\nRUN make\nRUN make install\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe('# escape=`\nFROM debian:12\nRUN make && `\n    make install\n');
  });

  test('no merge when the second RUN could succeed after the first failed (a ; or || at its top level)', () => {
    const text = 'FROM x\nRUN make\nRUN make install; echo done\nRUN test -f a || touch a\n';
    expect(lintRule(rule, text).map((f) => f.line)).toEqual([3, 4]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('different flags, other instructions between, exec form and stage boundaries are not consecutive', () => {
    const text = 'FROM x\nRUN a\nRUN --mount=type=secret,id=t b\nENV A=1\nRUN c\nRUN ["d"]\nFROM x\nRUN e\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('fixtures: merges (comments, lower-case keywords, equal mounts) and reports without a fix (state that would leak, comments, heredocs)', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
