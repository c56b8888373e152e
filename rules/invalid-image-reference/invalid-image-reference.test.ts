import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('invalid-image-reference', () => {
  test('reports an uppercase repository name on the image', () => {
    expect(lintRule(rule, 'from Ubuntu:24.04 AS base\n')).toEqual([
      {
        ruleId: 'invalid-image-reference',
        message: '"Ubuntu:24.04" is not a valid image reference: repository names must be lowercase ("ubuntu:24.04").',
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 18,
        text: 'Ubuntu:24.04',
      },
    ]);
  });

  test('reports invalid tags and digests in FROM, COPY --from and RUN --mount=from=', () => {
    const text = 'FROM alpine:3.21+x\nCOPY --from=nginx:1.27+alpine /a /a\nRUN --mount=type=bind,from=img@sha256:xyz,target=/m true\n';
    const invalid = (image: string): string =>
      `"${image}" is not a valid image reference: the name must be lowercase ([a-z0-9] separated by ".", "_", "__" or "-"), a tag at most 128 letters, digits, "_", "." or "-", a digest "algorithm:hex".`;
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [1, 'alpine:3.21+x', invalid('alpine:3.21+x')],
      [2, 'nginx:1.27+alpine', invalid('nginx:1.27+alpine')],
      [3, 'img@sha256:xyz', invalid('img@sha256:xyz')],
    ]);
  });

  test('accepts valid references, registries with ports and uppercase hosts, stages in any case, quotes and variables', () => {
    const text = [
      'ARG TAG',
      'FROM golang:1.23 AS Build',
      'FROM build',
      'FROM Registry.Example.com:5000/team/app:V1.0_rc-1',
      'FROM alpine@sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
      'FROM alpine:"3.21"',
      'FROM alpine:${TAG}',
      'FROM scratch',
      'COPY --from=Build /a /a',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('the unsafe fix lower-cases the repository path only, CRLF', () => {
    const text = 'FROM ghcr.io/MyOrg/App:V2\r\nCOPY --from=MyOrg/Tools:1 /t /t\r\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM ghcr.io/myorg/app:V2\r\nCOPY --from=myorg/tools:1 /t /t\r\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
