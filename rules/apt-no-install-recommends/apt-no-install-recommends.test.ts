import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const MISSING = 'Add --no-install-recommends to avoid installing packages nobody asked for.';

describe('apt-no-install-recommends', () => {
  test('reports apt-get install without --no-install-recommends on the command words', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n')).toEqual([
      { ruleId: 'apt-no-install-recommends', message: MISSING, line: 2, column: 23, endLine: 2, endColumn: 38, text: 'apt-get install' },
    ]);
  });

  test('reports apt install and sudo apt-get install alike', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt install -y git && sudo apt-get -y install curl\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([
      ['apt install', MISSING],
      ['apt-get -y install', MISSING],
    ]);
  });

  test('accepts --no-install-recommends anywhere and APT::Install-Recommends=false given with -o', () => {
    for (const args of [
      '--no-install-recommends install curl',
      'install -y curl --no-install-recommends',
      'install -y -o APT::Install-Recommends=false curl',
      '-o APT::Install-Recommends=0 install -y curl',
      '-oAPT::Install-Recommends=false install -y curl',
      '--option=apt::install-recommends=no install -y curl',
      'install -y -o "APT::Install-Recommends=false" curl',
      'install -y --install-recommends=false curl',
    ]) {
      expect([args, lintRule(rule, `FROM debian:12\nRUN apt-get ${args}\n`)]).toEqual([args, []]);
      expect([args, lintRule(rule, `FROM debian:12\nRUN apt ${args}\n`)]).toEqual([args, []]);
    }
  });

  test('the value of -o is checked, not only its presence', () => {
    for (const args of ['-o APT::Install-Recommends=true install -y curl', '-o Dpkg::Options::=--force-confold install -y curl', '-o APT::Install-Suggests=false install -y curl']) {
      expect([args, lintRule(rule, `FROM debian:12\nRUN apt-get ${args}\n`).length]).toEqual([args, 1]);
    }
  });

  test('accepts Install-Recommends turned off in the apt configuration earlier in the stage or a parent stage', () => {
    const text = [
      'FROM debian:12 AS base',
      'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/01norecommend',
      'FROM base',
      'RUN apt-get install -y curl',
      'FROM debian:12',
      'RUN apt-get install -y git && echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/01norecommend && apt-get install -y vim',
      '',
    ].join('\n');
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[6, 5, 'apt-get install']]);
  });

  test('ignores other subcommands, simulations, option variables, exec form and DEBIAN_FRONTEND alone', () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get update && apt-get upgrade -y && apt-get remove -y vim && apt-cache policy curl',
      'RUN apt-get install -s curl',
      'RUN apt-get install -y $APT_INSTALL_OPTS curl && apt-get install -y "${APT_FLAGS}" git',
      'RUN ["apt-get", "install", "-y", "curl"]',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n')).toHaveLength(1);
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get install -y $TARGET_PKGS\n')).toHaveLength(1);
  });

  test('the fix is unsafe: safe --fix leaves the file alone, --unsafe inserts the option after install', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
    expect(lintMessages(rule, text)[0]?.fix).toBeUndefined();
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('continuations with comment lines, heredocs, CRLF, lower-case keywords and ONBUILD triggers', () => {
    const text = 'FROM debian:12\r\nrun apt-get update \\\r\n# the tools\r\n && apt-get install -y \\\r\n    curl\r\nRUN <<EOF\r\napt install -y git\r\nEOF\r\nONBUILD RUN apt-get install -y make\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [4, 5, 'apt-get install'],
      [7, 1, 'apt install'],
      [9, 13, 'apt-get install'],
    ]);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe(
      'FROM debian:12\r\nrun apt-get update \\\r\n# the tools\r\n && apt-get install --no-install-recommends -y \\\r\n    curl\r\nRUN <<EOF\r\napt install --no-install-recommends -y git\r\nEOF\r\nONBUILD RUN apt-get install --no-install-recommends -y make\r\n',
    );
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('the backtick escape character', () => {
    const text = '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[4, 5, 'apt-get install']]);
  });

  test('is silenced by hadolint ignore=DL3015', () => {
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n')).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install -y curl\n')).toHaveLength(1);
  });

  test('fixtures/rules/apt-no-install-recommends: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
