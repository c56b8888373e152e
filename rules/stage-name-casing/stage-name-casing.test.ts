import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('stage-name-casing', () => {
  test('reports an upper-case stage name on the name', () => {
    expect(lintRule(rule, 'FROM golang:1.23 AS Builder\n')).toEqual([
      { ruleId: 'stage-name-casing', message: 'Stage name "Builder" should be lowercase.', line: 1, column: 21, endLine: 1, endColumn: 28, text: 'Builder' },
    ]);
  });

  test('reports invalid names without a fix', () => {
    const text = 'FROM alpine:3 AS 1st\nFROM alpine:3 AS my:stage\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message])).toEqual([
      [1, 18, '1st', 'Stage name "1st" is not valid: it must start with a letter and contain only letters, digits, "-", "_" and ".".'],
      [2, 18, 'my:stage', 'Stage name "my:stage" is not valid: it must start with a letter and contain only letters, digits, "-", "_" and ".".'],
    ]);
    expect(fixRule(rule, text)).toBe(text);
  });

  test('accepts lowercase names with digits, dashes, underscores and dots', () => {
    expect(lintRule(rule, 'FROM alpine:3 AS build-1_x.y\nFROM alpine:3\n')).toEqual([]);
  });

  test('the fix renames the definition and every textual reference, leaving variable and index references', () => {
    const text = [
      'ARG STAGE=Build',
      'FROM golang:1.23 AS Build',
      'RUN go build -o /app .',
      'FROM BUILD AS Test',
      'FROM alpine:3.21',
      'COPY --from=bUILD /app /app',
      'COPY --from=${STAGE} /app /app2',
      'COPY --from=0 /app /app3',
      'RUN --mount=type=bind,from=Build,source=/app,target=/x \\',
      '    true',
      '',
    ].join('\r\n');
    const fixed = fixRule(rule, text);
    expect(fixed).toBe(
      [
        'ARG STAGE=Build',
        'FROM golang:1.23 AS build',
        'RUN go build -o /app .',
        'FROM build AS test',
        'FROM alpine:3.21',
        'COPY --from=build /app /app',
        'COPY --from=${STAGE} /app /app2',
        'COPY --from=0 /app /app3',
        'RUN --mount=type=bind,from=build,source=/app,target=/x \\',
        '    true',
        '',
      ].join('\r\n'),
    );
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('fixtures/rules/stage-name-casing: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('BuildKit check=skip=StageNameCasing switches it off', () => {
    expect(lintRule(rule, '# check=skip=StageNameCasing\nFROM alpine:3 AS Build\n')).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
