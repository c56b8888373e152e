import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const RELATIVE = (path: string): string => `WORKDIR "${path}" is relative and no absolute WORKDIR comes before it: it depends on the base image.`;

describe('workdir-relative', () => {
  test('reports a relative WORKDIR on its path, without a fix on an image base', () => {
    const text = 'FROM eclipse-temurin:17\nWORKDIR application\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'workdir-relative', message: RELATIVE('application'), line: 2, column: 9, endLine: 2, endColumn: 20, text: 'application' },
    ]);
    expect(lintMessages(rule, text)[0]?.fix).toBeUndefined();
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('accepts absolute paths, Windows drive paths, quoted and variable paths that expand to absolute ones', () => {
    const text = [
      'FROM debian:12',
      'WORKDIR /srv',
      'FROM debian:12',
      'WORKDIR "/opt/oracle"',
      'FROM debian:12',
      'ARG APP=/qdrant',
      'WORKDIR "$APP"',
      'FROM debian:12',
      'ENV HOME_DIR=/home/app',
      'WORKDIR ${HOME_DIR}/src',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'WORKDIR C:\\\\app',
      'FROM debian:12',
      'WORKDIR $UNDECLARED/app',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a relative WORKDIR after an absolute one, in the stage or a parent stage, is fine', () => {
    const text = 'FROM node:22 AS base\nWORKDIR /usr/src/app\nWORKDIR client\nFROM base\nWORKDIR server\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('every relative WORKDIR is reported while no absolute one comes before it; a stage does not inherit from an unrelated one', () => {
    const text = 'FROM debian:12\nWORKDIR /srv\nFROM debian:12\nworkdir src\nWORKDIR ./lib\nARG SUB=pkg\nWORKDIR "$SUB"\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message])).toEqual([
      [4, 9, 'src', RELATIVE('src')],
      [5, 9, './lib', RELATIVE('./lib')],
      [7, 9, '"$SUB"', RELATIVE('pkg')],
    ]);
  });

  test('the first WORKDIR of a scratch stage gets an exact fix; later ones resolve against it', () => {
    const text = 'FROM scratch AS a\nWORKDIR app\nWORKDIR bin\nFROM a\nWORKDIR more\nFROM scratch\nWORKDIR ./lib\nFROM scratch\nWORKDIR "my app"\nFROM scratch\nWORKDIR .\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [2, 'app'],
      [7, './lib'],
      [9, '"my app"'],
      [11, '.'],
    ]);
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM scratch AS a\nWORKDIR /app\nWORKDIR bin\nFROM a\nWORKDIR more\nFROM scratch\nWORKDIR /lib\nFROM scratch\nWORKDIR "/my app"\nFROM scratch\nWORKDIR /\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('a stage built on a scratch stage with no WORKDIR is fixed too; CRLF and the backtick escape are kept', () => {
    const text = '# escape=`\r\nFROM scratch AS base\r\nCOPY app /app\r\nFROM base\r\nWORKDIR `\r\n  app\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[6, 3, 'app']]);
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('# escape=`\r\nFROM scratch AS base\r\nCOPY app /app\r\nFROM base\r\nWORKDIR `\r\n  /app\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('reports a relative ONBUILD WORKDIR, without a fix; absolute and variable triggers are fine', () => {
    const text = 'FROM scratch\nONBUILD WORKDIR app\nONBUILD WORKDIR /srv\nONBUILD WORKDIR $APP_HOME\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'workdir-relative',
        message: 'ONBUILD WORKDIR "app" is relative: it depends on the working directory of whatever image builds on this one.',
        line: 2,
        column: 17,
        endLine: 2,
        endColumn: 20,
        text: 'app',
      },
    ]);
    expect(fixRule(rule, text)).toBe(text);
  });

  test('is silenced by hadolint ignore=DL3000 and check=skip=WorkdirRelativePath', () => {
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR app\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=WorkdirRelativePath\nFROM debian:12\nWORKDIR app\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=FromAsCasing\nFROM debian:12\nWORKDIR app\n')).toHaveLength(1);
  });

  test('fixtures/rules/workdir-relative: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
