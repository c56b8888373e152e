import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('copy-source-outside-context', () => {
  test('reports a source above the build context, on the source', () => {
    expect(lintRule(rule, 'FROM node:22\nCOPY ../shared/lib /app/lib/\n')).toEqual([
      {
        ruleId: 'copy-source-outside-context',
        message:
          '"../shared/lib" points above the build context: the classic builder rejects it and BuildKit reads it from the context root instead. Move the file into the context or widen the context.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 19,
        text: '../shared/lib',
      },
    ]);
  });

  test('reports ADD, exec form, quoted and ARG sources, climbing in the middle; lower case and CRLF', () => {
    const text = 'FROM node:22\r\nARG LIB=../lib\r\nadd "a/../../b" /x/\r\nCOPY ["../c", "/y/"]\r\nCOPY $LIB /z/\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [3, '"a/../../b"'],
      [4, '["../c", "/y/"]'],
      [5, '$LIB'],
    ]);
  });

  test('accepts sources inside the context, COPY --from, URLs and unknown ARGs', () => {
    const text = 'FROM node:22\nARG SRC\nCOPY ./a/../b . /app/\nCOPY --from=build ../out /out\nADD https://example.com/../x /x\nCOPY $SRC /y/\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
