import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (keyword: string, shell = '/bin/sh -c'): string =>
  `${keyword} in shell form runs under "${shell}", which does not pass SIGTERM on to the process, so "docker stop" waits and then kills it: use the exec form ["executable", "arg"].`;

describe('cmd-exec-form', () => {
  test('reports shell-form CMD and ENTRYPOINT on the command', () => {
    expect(lintRule(rule, 'FROM node:22\ncmd node server.js\nENTRYPOINT \\\n  ./run.sh\n')).toEqual([
      { ruleId: 'cmd-exec-form', message: message('CMD'), line: 2, column: 5, endLine: 2, endColumn: 19, text: 'node server.js' },
      { ruleId: 'cmd-exec-form', message: message('ENTRYPOINT'), line: 4, column: 3, endLine: 4, endColumn: 11, text: './run.sh' },
    ]);
  });

  test('accepts exec form, an empty CMD, single-quoted arrays, and shell form under a SHELL instruction', () => {
    const text = 'FROM node:22 AS a\nCMD ["node", "server.js"]\nENTRYPOINT []\nCMD [\'x\']\nSHELL ["pwsh", "-c"]\nCMD Write-Host hi\nFROM a\nCMD echo inherited shell\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('safe fix for a plain CMD without ENTRYPOINT, dropping exec; CRLF and continuations', () => {
    const text = 'FROM node:22\r\nCMD exec node \\\r\n  --max-old-space-size=512 server.js\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM node:22\r\nCMD ["node", "--max-old-space-size=512", "server.js"]\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('ENTRYPOINT, and CMD under an ENTRYPOINT of the stage or a parent stage, are fixed only as unsafe', () => {
    const text = 'FROM alpine:3 AS base\nENTRYPOINT ["tini", "--"]\nFROM base\nCMD server --port 80\nFROM alpine:3\nENTRYPOINT server\n';
    expect(fixRule(rule, text)).toBe(text);
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM alpine:3 AS base\nENTRYPOINT ["tini", "--"]\nFROM base\nCMD ["server", "--port", "80"]\nFROM alpine:3\nENTRYPOINT ["server"]\n',
    );
  });

  test('no fix when the command needs a shell', () => {
    for (const cmd of ['node $APP', 'a && b', 'echo "hi"', 'ls *.txt', 'run > log', 'a | b', 'echo ~']) {
      const text = `FROM alpine:3\nCMD ${cmd}\n`;
      expect(lintRule(rule, text)).toHaveLength(1);
      expect(fixRule(rule, text, { unsafe: true })).toBe(text);
    }
  });

  test('on Windows images the message names cmd and there is no fix', () => {
    const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nFROM base\nCMD run.bat\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([['run.bat', message('CMD', 'cmd /S /C')]]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
    const backtick = '# escape=`\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCMD dotnet app.dll\n';
    expect(fixRule(rule, backtick, { unsafe: true })).toBe(backtick);
  });

  test('fixtures/rules/cmd-exec-form: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
