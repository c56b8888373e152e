import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('instruction-flags', () => {
  test('reports an unknown flag with a did-you-mean and a suggestion', () => {
    const text = 'FROM alpine:3\nCOPY --chmown=1 a /a\n';
    expect(lintRule(rule, text)).toEqual([
      { ruleId: 'instruction-flags', message: 'COPY has no flag "--chmown". Did you mean "--chown"?', line: 2, column: 6, endLine: 2, endColumn: 16, text: '--chmown=1' },
    ]);
    expect(lintMessages(rule, text)[0]?.suggestions?.map((s) => s.fix)).toEqual([{ range: [21, 27], text: 'chown' }]);
    expect(fixRule(rule, text)).toBe(text);
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM alpine:3\nCOPY --chown=1 a /a\n');
  });

  test('reports duplicates, missing values and non-boolean values, also in lower case and ONBUILD', () => {
    const text = [
      'from --platform=linux/amd64 --platform=linux/arm64 alpine:3',
      'copy --from=a --from=b x /x',
      'COPY --from x /x',
      'ADD --link=yes x /x',
      'ONBUILD RUN --netwrk=none true',
      'HEALTHCHECK --foo=1 CMD true',
      '',
    ].join('\n');
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [1, '--platform=linux/arm64', '"--platform" is given more than once; only one is allowed.'],
      [2, '--from=b', '"--from" is given more than once; only one is allowed.'],
      [3, '--from', '"--from" needs a value: --from=<value>.'],
      [4, '--link=yes', '"--link" takes true or false, not "yes".'],
      [5, '--netwrk=none', 'RUN has no flag "--netwrk". Did you mean "--network"?'],
      [6, '--foo=1', 'HEALTHCHECK has no flag "--foo".'],
    ]);
  });

  test('accepts known flags, repeatable ones and valueless booleans', () => {
    const text = [
      'FROM --platform=$BUILDPLATFORM alpine:3 AS a',
      'COPY --from=a --chown=1:1 --chmod=755 --link --parents --exclude=*.md --exclude=*.txt x /x/',
      'ADD --keep-git-dir=true --checksum=sha256:abc --unpack=false https://x/y.tar /y',
      'RUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b --network=none --security=insecure true',
      'HEALTHCHECK --interval=5s --timeout=1s --start-period=1s --start-interval=1s --retries=3 CMD true',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('fixtures/rules/instruction-flags: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
