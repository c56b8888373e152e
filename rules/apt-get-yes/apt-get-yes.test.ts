import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import rule from './index.js';

describe('apt-get-yes', () => {
  test('reports apt-get install without -y on the command words', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install curl\n')).toEqual([
      {
        ruleId: 'apt-get-yes',
        message: '"apt-get install" without -y waits for a confirmation that never comes in a build.',
        line: 2,
        column: 23,
        endLine: 2,
        endColumn: 38,
        text: 'apt-get install',
      },
    ]);
  });

  test('accepts -y, --yes, -qq and combined short flags', () => {
    for (const flag of ['-y', '--yes', '--assume-yes', '-qq', '-qy']) {
      expect(lintRule(rule, `FROM debian:12\nRUN apt-get ${flag} install curl\n`)).toEqual([]);
    }
  });

  test('finds the command inside continuations with comment lines and in heredocs', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n# the tools\n && apt-get install \\\n    curl\nRUN <<EOF\napt-get install git\nEOF\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([
      [4, 5, 'apt-get install'],
      [7, 1, 'apt-get install'],
    ]);
  });

  test('fix inserts -y after install, and fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM debian:12\r\nRUN apt-get install curl\r\n');
    expect(fixed).toBe('FROM debian:12\r\nRUN apt-get install -y curl\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });
});
