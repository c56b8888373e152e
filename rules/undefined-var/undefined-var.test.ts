import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const globalArg = (name: string): string =>
  `"${name}" is a global build ARG, which is not visible inside a stage: add "ARG ${name}" to this stage before using it.`;
const unset = (name: string, suggestion = ''): string =>
  `"${name}" is not set: no ARG or ENV of this stage (or its base, built from scratch) defines it, so it expands to an empty string.${suggestion}`;

describe('undefined-var', () => {
  test('reports a global ARG used in a stage without ARG, whatever the base', () => {
    expect(lintRule(rule, 'ARG VERSION=1\nFROM alpine:3\nLABEL version=$VERSION\n')).toEqual([
      { ruleId: 'undefined-var', message: globalArg('VERSION'), line: 3, column: 15, endLine: 3, endColumn: 23, text: '$VERSION' },
    ]);
  });

  test('reports platform ARGs used without declaring them in the stage, also in flags', () => {
    const text = 'FROM golang:1.23\nCOPY --chown=${TARGETARCH} a /out/${TARGETOS}/\n';
    expect(lintRule(rule, text).map((f) => [f.column, f.text, f.message])).toEqual([
      [14, '${TARGETARCH}', globalArg('TARGETARCH')],
      [35, '${TARGETOS}', globalArg('TARGETOS')],
    ]);
  });

  test('reports unset variables in a stage built from scratch, with a did-you-mean', () => {
    const text = 'FROM scratch AS base\nENV APP_DIR=/app\nFROM base\nARG MODE\ncopy server $APP_DRI/\nWORKDIR ${MODE}/$PATH/${OPT:-x}\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'undefined-var', message: unset('APP_DRI', ' Did you mean "APP_DIR"?'), line: 5, column: 13, endLine: 5, endColumn: 21, text: '$APP_DRI' },
    ]);
  });

  test('accepts declared ARGs and ENVs, parent stage ENV, image bases, comments, heredocs and RUN', () => {
    const text = [
      'ARG VERSION=1',
      'FROM alpine:3 AS base',
      'ENV HOME_DIR=/home/app',
      'FROM base',
      'ARG VERSION TARGETARCH',
      'ARG A=1 B=$A',
      'LABEL v=$VERSION a=$TARGETARCH h=$HOME_DIR n=$NODE_HOME p=$http_proxy e=\\$LITERAL',
      'COPY a \\',
      '# $COMMENTED',
      '  /b/',
      'COPY <<EOF /x',
      '$IN_HEREDOC',
      'EOF',
      'RUN echo $VERSION_FROM_SHELL',
      'ONBUILD LABEL x=$LATER',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a global ARG used in a stage after ARG is declared again there is fine; before it, it is not', () => {
    const text = 'ARG V=1\r\nFROM alpine:3\r\nENV X=$V\r\nARG V\r\nENV Y=$V\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[3, '$V']]);
  });

  test('fixtures/rules/undefined-var: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('the unsafe fix renames a typo to the variable of the stage', () => {
    const text = 'FROM scratch\nENV APP_DIR=/app\nCOPY server ${APP_DRI}/\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM scratch\nENV APP_DIR=/app\nCOPY server ${APP_DIR}/\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
