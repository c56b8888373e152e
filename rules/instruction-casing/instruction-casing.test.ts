import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const CONSISTENT = [{ style: 'consistent' }];
const NOT_UPPER = (keyword: string): string => `Instruction "${keyword}" should be written in upper case.`;
const INCONSISTENT = (keyword: string, expected: string): string => `Instruction "${keyword}" is not in the ${expected} case used by most instructions in this file.`;

describe('instruction-casing', () => {
  test('reports a lower-case keyword on the keyword token', () => {
    expect(lintRule(rule, 'FROM debian:12\nrun apt-get update\n')).toEqual([
      { ruleId: 'instruction-casing', message: NOT_UPPER('run'), line: 2, column: 1, endLine: 2, endColumn: 4, text: 'run' },
    ]);
  });

  test('reports lower and mixed case keywords, ONBUILD triggers included; upper case is fine', () => {
    const text = 'From debian:12\nRUN true\nonbuild Copy . /app\nONBUILD RUN make\nworkdir /srv\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message])).toEqual([
      [1, 1, 'From', NOT_UPPER('From')],
      [3, 1, 'onbuild', NOT_UPPER('onbuild')],
      [3, 9, 'Copy', NOT_UPPER('Copy')],
      [5, 1, 'workdir', NOT_UPPER('workdir')],
    ]);
    expect(lintRule(rule, 'FROM debian:12\nRUN true\nONBUILD COPY . /app\n')).toEqual([]);
  });

  test('unknown instructions are left to unknown-instruction', () => {
    expect(lintRule(rule, 'FROM debian:12\nfoo bar\n')).toEqual([]);
  });

  test('fix upper-cases keywords across continuations, heredocs, CRLF and the backtick escape; fixing twice changes nothing', () => {
    const text = '# escape=`\r\nfrom debian:12\r\nrun apt-get update `\r\n# comment\r\n  && true\r\nrun <<EOF\r\necho run\r\nEOF\r\nonbuild run make\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n# comment\r\n  && true\r\nRUN <<EOF\r\necho run\r\nEOF\r\nONBUILD RUN make\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('consistent: a mostly lower-case file expects lower case', () => {
    const text = 'from debian:12\nrun true\nRUN false\nCmd ["sh"]\nonbuild RUN make\n';
    expect(lintRule(rule, text, CONSISTENT).map((f) => [f.line, f.text, f.message])).toEqual([
      [3, 'RUN', INCONSISTENT('RUN', 'lower')],
      [4, 'Cmd', INCONSISTENT('Cmd', 'lower')],
      [5, 'RUN', INCONSISTENT('RUN', 'lower')],
    ]);
    const fixed = fixRule(rule, text, { options: CONSISTENT });
    expect(fixed).toBe('from debian:12\nrun true\nrun false\ncmd ["sh"]\nonbuild run make\n');
    expect(fixRule(rule, fixed, { options: CONSISTENT })).toBe(fixed);
    expect(lintRule(rule, fixed, CONSISTENT)).toEqual([]);
  });

  test('consistent: mixed-case keywords count for neither case; a tie expects upper case', () => {
    // Two lower, one upper, two mixed: lower case wins (mixed keywords do not count as upper).
    expect(lintRule(rule, 'from a\nrun x\nRUN y\nRun z\nCopy . .\n', CONSISTENT).map((f) => f.text)).toEqual(['RUN', 'Run', 'Copy']);
    expect(lintRule(rule, 'from a\nRUN y\n', CONSISTENT).map((f) => [f.text, f.message])).toEqual([['from', INCONSISTENT('from', 'upper')]]);
  });

  test('consistent: an upper-case file is fine, and a lower-case one too', () => {
    expect(lintRule(rule, 'FROM a\nRUN b\n', CONSISTENT)).toEqual([]);
    expect(lintRule(rule, 'from a\nrun b\n', CONSISTENT)).toEqual([]);
  });

  test('is silenced by check=skip=ConsistentInstructionCasing', () => {
    expect(lintRule(rule, '# check=skip=ConsistentInstructionCasing\nfrom a\nRUN b\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=FromAsCasing\nfrom a\nRUN b\n')).toHaveLength(1);
  });

  test('fixtures/rules/instruction-casing: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
