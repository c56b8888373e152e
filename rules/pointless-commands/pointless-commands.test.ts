import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

describe('pointless-commands', () => {
  test('reports the command word with what it would do', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN ssh user@host ls\n')).toEqual([
      {
        ruleId: 'pointless-commands',
        message: '"ssh" opens a remote session; fetch files with curl or COPY, or pass keys with RUN --mount=type=ssh.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 8,
        text: 'ssh',
      },
    ]);
  });

  test('every command of the list, also behind sudo or a path', () => {
    const text = 'FROM x\nRUN vim a; shutdown -h now; free -m; top -b; mount /dev/x /mnt; /sbin/ifconfig; sudo ps\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['vim', 'shutdown', 'free', 'top', 'mount', '/sbin/ifconfig', 'ps']);
  });

  test('a service started for later commands of the RUN, and kill of a pid variable, have a purpose', () => {
    expect(lintRule(rule, 'FROM x\nRUN service postgresql start && psql -c "select 1"\nRUN app & pid=$!; kill "$pid"\n')).toEqual([]);
  });

  test('names inside arguments are not commands', () => {
    expect(lintRule(rule, 'FROM x\nRUN apt-get install -y vim procps && echo ps top\n')).toEqual([]);
  });

  test('fixtures: continuations with comments, pipelines, heredocs, lower-case keywords, exec form', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
