import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { diamolChapter4, fixtureCases } from '../_test/fixtures.js';
import rule from './index.js';

const at = (text: string, options: unknown[] = []): Array<[number, number, string, string]> =>
  lintRule(rule, text, options).map((f) => [f.line, f.column, f.text, f.message]);

describe('unused-stage', () => {
  test('a stage nothing needs: exact finding on the stage name, no fix', () => {
    const text = 'FROM golang AS builder\nRUN go build -o /out/app\nFROM alpine AS tools\nFROM alpine\nCOPY --from=builder /out/app /app\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'unused-stage',
        message: 'Stage "tools" is not needed by the final stage: a default build skips it. Build it with --target tools, or remove it.',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 21,
        text: 'tools',
      },
    ]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('an unnamed stage is reported on its image; it cannot be a --target', () => {
    expect(at('FROM golang:1.22\nRUN go build -o /app\nFROM alpine\n')).toEqual([
      [1, 6, 'golang:1.22', 'Stage 0 is not needed by the final stage: a default build skips it. Remove it.'],
    ]);
  });

  test('needed through FROM, COPY --from (by name or index) and RUN --mount=from', () => {
    const text = [
      'FROM alpine AS a',
      'FROM a AS b',
      'FROM alpine AS c',
      'FROM alpine AS d',
      'FROM b',
      'COPY --from=2 /x /x',
      'RUN --mount=from=d,target=/d true',
      '',
    ].join('\n');
    expect(at(text)).toEqual([]);
  });

  test('a stage referenced before its definition is needed (BuildKit builds it)', () => {
    expect(at('FROM alpine AS app\nCOPY --from=assets /dist /dist\nFROM alpine AS assets\nRUN mkdir /dist\nFROM app\n')).toEqual([]);
  });

  test('stages named like explicit targets, and what they need, are not reported unless configured', () => {
    const text = 'FROM alpine AS deps\nFROM deps AS app_test\nFROM alpine AS dev-envs\nFROM alpine AS final\n';
    expect(at(text)).toEqual([]);
    expect(at(text, [{ targets: [] }]).map((f) => f[2])).toEqual(['deps', 'app_test', 'dev-envs']);
    expect(at('FROM alpine AS bench\nFROM alpine\n', [{ targets: ['bench'] }])).toEqual([]);
  });

  test('a reference with a build-arg may name any matching stage', () => {
    expect(at('ARG V=a\nFROM alpine AS x-a\nFROM alpine AS x-b\nFROM alpine AS y\nFROM x-${V}\nCOPY --from=${SRC} /s /s\n')).toEqual([]);
    expect(at('ARG V=a\nFROM alpine AS x-a\nFROM alpine AS x-b\nFROM alpine AS y\nFROM x-${V}\n').map((f) => f[2])).toEqual(['y']);
  });

  test('lower-case keywords, CRLF, a FROM continued on the next line', () => {
    expect(at('from alpine as Unused\r\nfrom alpine \\\r\n  as final\r\n')).toEqual([
      [1, 16, 'Unused', 'Stage "unused" is not needed by the final stage: a default build skips it. Build it with --target unused, or remove it.'],
    ]);
  });

  test('single-stage files and empty files', () => {
    expect(at('FROM alpine\nRUN true\n')).toEqual([]);
    expect(at('# nothing\n')).toEqual([]);
  });

  describe('fixtures', () => {
    for (const c of fixtureCases(rule)) {
      test(c.name, () => {
        expect(c.actualFindings).toBe(c.expectedFindings);
        expect(c.actualUnsafe).toBe(c.input);
      });
    }
  });

  test('the README examples: each bad one is reported, the good ones are not', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('the diamol chapter 4 examples give no findings', () => {
    for (const file of diamolChapter4()) expect([file.path, lintRule(rule, file.text)]).toEqual([file.path, []]);
  });
});
