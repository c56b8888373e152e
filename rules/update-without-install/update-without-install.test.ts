import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('update-without-install', () => {
  test('reports apt-get update alone in its RUN, on the command words', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n')).toEqual([
      {
        ruleId: 'update-without-install',
        message: '"apt-get update" in a RUN that installs nothing: its layer stays cached, so a later install may read stale package lists and fail. Update and install in the same RUN.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 19,
        text: 'apt-get update',
      },
    ]);
  });

  test('an install, upgrade or xargs-driven install in the same RUN is fine', () => {
    for (const script of [
      'apt-get update && apt-get install -y curl',
      'apt-get update && apt-get upgrade -y',
      'apt-get update; xargs -rt apt-get install -y < deps.txt',
      'sudo apt update && sudo apt install -y curl',
      'apk update && apk add curl',
      'dnf makecache && dnf install -y tar',
      'zypper ref && zypper -n in vim',
    ]) {
      expect(lintRule(rule, `FROM x\nRUN ${script}\n`)).toEqual([]);
    }
  });

  test('the unsafe fix moves the update into the next RUN and converges', () => {
    const text = 'FROM debian:12\r\nRUN apt-get update \\\r\n    -qq\r\nRUN apt-get install -y curl\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM debian:12\r\nRUN apt-get update -qq && apt-get install -y curl\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('no merge when the install RUN could succeed after the update failed', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl; rm -rf /var/lib/apt/lists/*\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('the update is moved only into an install of the same family', () => {
    const text = 'FROM x\nRUN apk update\nRUN apt-get install -y curl\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['apk update']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('fixtures: merges across stages and lower-case keywords; no merge past comments, flags, other commands, heredocs, exec form', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
