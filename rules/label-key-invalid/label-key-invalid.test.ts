import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('label-key-invalid', () => {
  test('reports a reserved namespace on the key', () => {
    expect(lintRule(rule, 'FROM x:1\nLABEL com.docker.compose.project=demo\n')).toEqual([
      {
        ruleId: 'label-key-invalid',
        message: 'Label key "com.docker.compose.project" uses a namespace reserved for Docker (com.docker.*, io.docker.*, org.dockerproject.*).',
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 33,
        text: 'com.docker.compose.project',
      },
    ]);
  });

  test('reports bad characters, bad first and last characters and doubled separators', () => {
    const text = 'FROM x:1\nlabel my$label=1 1st=2 \\\n  last.=3 a..b=4 io.docker.x=5\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'my$label', 'Label key "my$label" holds characters other than letters, digits, ".", "-" and "_".'],
      [2, '1st', 'Label key "1st" does not start with a letter.'],
      [3, 'last.', 'Label key "last." does not end with a letter or digit.'],
      [3, 'a..b', 'Label key "a..b" has two separators in a row.'],
      [3, 'io.docker.x', 'Label key "io.docker.x" uses a namespace reserved for Docker (com.docker.*, io.docker.*, org.dockerproject.*).'],
    ]);
  });

  test('accepts OCI keys, upper case, underscores, quoted keys and the legacy form', () => {
    const text = 'FROM x:1\nLABEL org.opencontainers.image.source=https://x Maintainer=me build_id=1 "com.example.quoted"=y\nLABEL version 1.0\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the lowercase option applies hadolint\'s exact character set', () => {
    expect(lintRule(rule, 'FROM x:1\nLABEL Maintainer=me build_id=1 ok.key=2\n', [{ lowercase: true }]).map((f) => f.text)).toEqual(['Maintainer', 'build_id']);
  });

  test('checks ONBUILD LABEL triggers', () => {
    expect(lintRule(rule, 'FROM x:1\nONBUILD LABEL io.docker.x=1\n').map((f) => [f.line, f.column, f.text])).toEqual([[2, 15, 'io.docker.x']]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
