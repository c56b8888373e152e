import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const MISSING = (command: string): string => `"${command}" without -y waits for a confirmation that never comes in a build.`;

describe('apt-get-yes', () => {
  test('reports apt-get install without -y on the command words', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install curl\n')).toEqual([
      { ruleId: 'apt-get-yes', message: MISSING('apt-get install'), line: 2, column: 23, endLine: 2, endColumn: 38, text: 'apt-get install' },
    ]);
  });

  test('accepts -y anywhere, --yes, --assume-yes, combined short flags and quiet level 2', () => {
    for (const args of ['-y install curl', 'install curl -y', 'install --yes curl', 'install --assume-yes curl', '-qy install curl', '-qq install curl', '-q -q install curl', '-q=2 install curl', '--quiet=2 install curl']) {
      expect([args, lintRule(rule, `FROM debian:12\nRUN apt-get ${args}\n`)]).toEqual([args, []]);
    }
  });

  test('quiet level 1 does not answer the prompt', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get -q install curl\n').map((f) => f.text)).toEqual(['apt-get -q install']);
  });

  test('accepts APT::Get::Assume-Yes given with -o, attached or as the next word', () => {
    for (const args of ['-o APT::Get::Assume-Yes=true install curl', '-oAPT::Get::Assume-Yes=1 install curl', '--option=apt::get::assume-yes=yes install curl', 'install -o "APT::Get::Assume-Yes=true" curl']) {
      expect([args, lintRule(rule, `FROM debian:12\nRUN apt-get ${args}\n`)]).toEqual([args, []]);
    }
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=false install curl\n').map((f) => f.text)).toEqual(['apt-get -o APT::Get::Assume-Yes=false install']);
  });

  test('accepts Assume-Yes written to the apt configuration earlier in the stage or in a parent stage', () => {
    const text = 'FROM debian:12 AS base\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nFROM base\nRUN apt-get install curl\nFROM debian:12\nRUN apt-get install git\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[6, 'apt-get install']]);
    expect(lintRule(rule, 'FROM debian:12\nRUN echo "APT::Get::Assume-Yes \\"true\\";" > /etc/apt/apt.conf.d/90yes && apt-get install curl\n')).toEqual([]);
  });

  test('DEBIAN_FRONTEND=noninteractive does not imply -y', () => {
    const text = 'FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\nRUN DEBIAN_FRONTEND=noninteractive apt-get install curl\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[3, 36, 'apt-get install']]);
  });

  test('reports the other prompting subcommands, apt as well as apt-get, and through sudo', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get upgrade && apt-get dist-upgrade && apt-get remove vim && apt-get autoremove && apt install git && sudo /usr/bin/apt-get purge nano\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([
      ['apt-get upgrade', MISSING('apt-get upgrade')],
      ['apt-get dist-upgrade', MISSING('apt-get dist-upgrade')],
      ['apt-get remove', MISSING('apt-get remove')],
      ['apt-get autoremove', MISSING('apt-get autoremove')],
      ['apt install', MISSING('apt install')],
      ['/usr/bin/apt-get purge', MISSING('apt-get purge')],
    ]);
  });

  test('ignores commands that do not prompt, simulations, option variables and exec form', () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get update && apt-get clean && apt-get download curl && apt-cache show curl',
      'RUN if apt-get install -s curl > /dev/null; then echo ok; fi',
      'RUN apt-get install $APT_OPTS curl && apt-get ${APT_GET_FLAGS} install git && apt-get install "$INSTALL_ARGS" vim',
      'RUN ["apt-get", "install", "curl"]',
      'RUN echo apt-get install curl',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a variable that names packages, not options, does not hide the missing -y', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get install $TARGET_PKGS ${BUILD_DEPS}\n').map((f) => f.text)).toEqual(['apt-get install']);
  });

  test('finds the command inside continuations with comment lines and in heredocs', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n# the tools\n && apt-get install \\\n    curl\nRUN <<EOF\napt-get install git\nEOF\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [4, 5, 'apt-get install'],
      [7, 1, 'apt-get install'],
    ]);
    expect(fixRule(rule, text)).toBe('FROM debian:12\nRUN apt-get update \\\n# the tools\n && apt-get install -y \\\n    curl\nRUN <<EOF\napt-get install -y git\nEOF\n');
  });

  test('a heredoc that is data (cat, python) is not read as a script; one fed to bash is', () => {
    const text = 'FROM debian:12\nRUN cat <<EOF > /usr/local/bin/setup.sh\napt-get install curl\nEOF\nRUN python3 <<EOF\nprint("apt-get install x")\nEOF\nRUN <<EOF bash\napt-get install git\nEOF\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[9, 1, 'apt-get install']]);
  });

  test('lower-case keywords, ONBUILD triggers and the backtick escape character', () => {
    const text = '# escape=`\nfrom debian:12\nrun apt-get update && `\n    apt-get install curl\nONBUILD RUN apt-get install git\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [4, 5, 'apt-get install'],
      [5, 13, 'apt-get install'],
    ]);
    expect(fixRule(rule, text)).toBe('# escape=`\nfrom debian:12\nrun apt-get update && `\n    apt-get install -y curl\nONBUILD RUN apt-get install -y git\n');
  });

  test('fix inserts -y after the subcommand, keeps CRLF, and fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM debian:12\r\nRUN apt-get -q install curl \\\r\n  git\r\n');
    expect(fixed).toBe('FROM debian:12\r\nRUN apt-get -q install -y curl \\\r\n  git\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('is silenced by hadolint ignore=DL3014', () => {
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install curl\n')).toEqual([]);
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install curl\n')).toHaveLength(1);
  });

  test('fixtures/rules/apt-get-yes: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
