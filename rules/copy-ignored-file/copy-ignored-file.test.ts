import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeExamples } from '../_test/readme.js';
import { isIgnored, parseDockerignore } from '../_shared/dockerignore.js';
import rule from './index.js';

const context =
  (files: Record<string, string>) =>
  (path: string): string | null =>
    files[path] ?? null;

const dockerignore = context({ '.dockerignore': '# build output\nnode_modules\n**/*.log\n/dist\n!dist/keep.txt\nsecrets/\n' });

describe('copy-ignored-file', () => {
  test('reports a COPY source that .dockerignore excludes, on the source', () => {
    expect(lintRule(rule, 'FROM node:22\nCOPY dist /app/dist\n', [], { readContextFile: dockerignore })).toEqual([
      {
        ruleId: 'copy-ignored-file',
        message: '"dist" is excluded by .dockerignore, so it is not in the build context and this COPY cannot find it.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 10,
        text: 'dist',
      },
    ]);
  });

  test('matches parents, ** patterns, ./ prefixes, quotes, ARG defaults and ADD; lower case and CRLF', () => {
    const text = 'FROM node:22\r\nARG DIR=secrets\r\ncopy ./node_modules/lodash "logs/app.log" /app/\r\nADD ${DIR}/key.pem /etc/\r\n';
    expect(lintRule(rule, text, [], { readContextFile: dockerignore }).map((f) => [f.line, f.text])).toEqual([
      [3, './node_modules/lodash'],
      [3, '"logs/app.log"'],
      [4, '${DIR}/key.pem'],
    ]);
  });

  test('no report for re-included paths, the whole context, COPY --from, URLs and unknown ARGs', () => {
    const text = 'FROM node:22\nARG ANY\nCOPY dist/keep.txt . /app/\nCOPY --from=build /dist /dist\nADD https://example.com/dist /x\nCOPY $ANY /y\n';
    expect(lintRule(rule, text, [], { readContextFile: dockerignore })).toEqual([]);
  });

  test('no report when the host gives no access or there is no .dockerignore', () => {
    expect(lintRule(rule, 'FROM node:22\nCOPY dist /app/\n')).toEqual([]);
    expect(lintRule(rule, 'FROM node:22\nCOPY dist /app/\n', [], { readContextFile: context({}) })).toEqual([]);
  });

  test('a Dockerfile-specific ignore file replaces .dockerignore', () => {
    const files = context({ '.dockerignore': 'dist\n', 'app.Dockerfile.dockerignore': 'docs\n' });
    const findings = lintRule(rule, 'FROM node:22\nCOPY dist docs /app/\n', [], { readContextFile: files, filePath: '/repo/app.Dockerfile' });
    expect(findings.map((f) => [f.text, f.message])).toEqual([
      ['docs', '"docs" is excluded by app.Dockerfile.dockerignore, so it is not in the build context and this COPY cannot find it.'],
    ]);
  });

  test('pattern semantics', () => {
    const patterns = parseDockerignore('*.md\n!README.md\ntemp?\n**/cache\n[ab].txt\n');
    expect(['CHANGES.md', 'README.md', 'docs/x.md', 'temp1', 'src/deep/cache/x', 'a.txt', 'c.txt'].map((p) => isIgnored(patterns, p))).toEqual([
      true,
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  test('README examples', () => {
    const { bad, good } = readmeExamples(new URL('./README.md', import.meta.url));
    const readContextFile = context({ '.dockerignore': 'node_modules\n*.log\n' });
    expect([bad.length > 0, good.length > 0]).toEqual([true, true]);
    expect(bad.filter((text) => lintRule(rule, text, [], { readContextFile }).length === 0)).toEqual([]);
    expect(good.filter((text) => lintRule(rule, text, [], { readContextFile }).length > 0)).toEqual([]);
  });
});
