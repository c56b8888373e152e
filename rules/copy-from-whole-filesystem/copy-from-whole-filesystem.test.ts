import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('copy-from-whole-filesystem', () => {
  test('reports / as a source of COPY --from a stage', () => {
    expect(lintRule(rule, 'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3\ncopy --from=build / /\n')).toEqual([
      {
        ruleId: 'copy-from-whole-filesystem',
        message: 'This copies the whole file system of "build", build tools and caches included: copy only the paths the image needs.',
        line: 4,
        column: 19,
        endLine: 4,
        endColumn: 20,
        text: '/',
      },
    ]);
  });

  test('reports /. from a stage named through an ARG, and a stage built on one that runs commands', () => {
    const text = 'ARG SRC=build\nFROM golang:1.23 AS build\nRUN go build\nFROM build AS test\nFROM alpine:3\nARG SRC\nCOPY --from=${SRC} /. /rootfs/\nCOPY --chown=1 --from=test / /\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [7, 20, '/.'],
      [8, 28, '/'],
    ]);
  });

  test('accepts artifact paths, the build context, images, alias stages, stages built from scratch and broken references', () => {
    const text = [
      'FROM tonistiigi/xx:1.6 AS xx',
      'FROM golang:1.23 AS build',
      'RUN go build -o /out/app .',
      'FROM scratch AS rootfs',
      'COPY --from=build /out/app /app',
      'FROM rootfs AS rootfs2',
      'FROM alpine:3',
      'COPY / /',
      'COPY --from=rootfs / /',
      'COPY --from=rootfs2 / /',
      'COPY --from=nope / /',
      'COPY --from=build /usr/local/bin/ /usr/local/bin/',
      'COPY --from=xx / /',
      'COPY --from=gloursdocker/docker / /',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
