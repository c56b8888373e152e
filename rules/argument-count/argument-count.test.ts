import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('argument-count', () => {
  test('reports a FROM with two arguments on the arguments', () => {
    expect(lintRule(rule, 'FROM golang:1.23 builder\n')).toEqual([
      {
        ruleId: 'argument-count',
        message: 'FROM takes an image, optionally followed by "AS <name>"; this one has 2 arguments.',
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 25,
        text: 'golang:1.23 builder',
      },
    ]);
  });

  test('reports missing arguments on the keyword, and COPY/ADD without destination', () => {
    const text = 'FROM alpine:3\nworkdir\nENV\nCOPY app.tar.gz\nADD ["a"]\nONBUILD COPY x\nFROM a b c\nFROM\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'workdir', 'WORKDIR needs at least one argument.'],
      [3, 'ENV', 'ENV needs at least one argument.'],
      [4, 'app.tar.gz', 'COPY needs at least one source and a destination.'],
      [5, '["a"]', 'ADD needs at least one source and a destination.'],
      [6, 'x', 'COPY needs at least one source and a destination.'],
      [7, 'a b c', 'FROM takes an image, optionally followed by "AS <name>"; this one has 3 arguments.'],
      [8, 'FROM', 'FROM needs at least one argument.'],
    ]);
  });

  test('accepts the usual shapes, heredoc sources, empty CMD/ENTRYPOINT and exec forms', () => {
    const text = [
      'FROM golang:1.23 as builder',
      'COPY a b /c/',
      'COPY ["a", "/b"]',
      'COPY <<EOF /x',
      'hi',
      'EOF',
      'WORKDIR /my dir',
      'USER app:app',
      'CMD []',
      'ENTRYPOINT []',
      'RUN true',
      'VOLUME ["/data"]',
      'ONBUILD RUN true',
      '',
    ].join('\r\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
