import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('copy-relative-dest-without-workdir', () => {
  test('reports a relative destination before any WORKDIR', () => {
    expect(lintRule(rule, 'FROM node:22\nCOPY package.json .\nWORKDIR /app\nCOPY . .\n')).toEqual([
      {
        ruleId: 'copy-relative-dest-without-workdir',
        message: 'Relative destination "." with no WORKDIR set in this stage: where it lands depends on the base image. Set WORKDIR or use an absolute path.',
        line: 2,
        column: 19,
        endLine: 2,
        endColumn: 20,
        text: '.',
      },
    ]);
  });

  test('reports ADD, exec form, lower-case keywords and a relative ARG value', () => {
    const text = 'FROM node:22\r\nARG TO=app/\r\nadd conf.ini conf/\r\nCOPY ["a", "lib/"]\r\nCOPY b $TO\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [3, 'conf/'],
      [4, '["a", "lib/"]'],
      [5, '$TO'],
    ]);
  });

  test('accepts absolute (also quoted or from an ARG) and Windows paths, and unknown values', () => {
    const text = 'FROM node:22\nARG HOME_DIR=/home/app\nARG ANY\nCOPY a /app/\nCOPY a "/etc/app/"\nCOPY a ${HOME_DIR}/.rc\nCOPY a $ANY\nCOPY a C:\\\\app\\\\\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a WORKDIR set in the parent stage counts; a stage from scratch starts at /', () => {
    const text = 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY . .\nFROM scratch AS out\nCOPY --from=base /app/dist dist/\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a Windows drive WORKDIR counts, in the stage and in a stage built on it', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nWORKDIR C:\\app\nCOPY a.exe .\nFROM base\nCOPY b.exe bin\\\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a new stage from an image does not inherit the WORKDIR of an earlier stage', () => {
    const text = 'FROM node:22 AS build\nWORKDIR /app\nFROM nginx:1.27\nCOPY --from=build /app/dist html/\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[4, 'html/']]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
