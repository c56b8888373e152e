import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = 'Inline ignore comment: silence findings in the configuration file instead, where they are reviewed together.';

describe('inline-ignore-pragma', () => {
  test('reports a hadolint ignore comment on the comment', () => {
    expect(lintRule(rule, 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n')).toEqual([
      { ruleId: 'inline-ignore-pragma', message, line: 2, column: 1, endLine: 2, endColumn: 25, text: '# hadolint ignore=DL3008' },
    ]);
  });

  test('reports global, stage and dockerfile-opt pragmas, including one inside a continuation', () => {
    const text = '# hadolint global ignore=DL3006\nFROM debian:12\n# dockerfile-opt ignore=apt-get-yes -- legacy\nRUN apt-get update \\\n  # hadolint ignore=DL3009\n  && true\n';
    expect(lintRule(rule, text).map((f) => f.line)).toEqual([1, 3, 5]);
  });

  test('other comments and BuildKit check directives are not reported', () => {
    expect(lintRule(rule, '# check=skip=JSONArgsRecommended\nFROM debian:12\n# ignore this comment\n# hadolint is great\n')).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
