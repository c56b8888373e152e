import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = 'The final stage has no HEALTHCHECK: add one so orchestrators can tell when the container is unhealthy (or HEALTHCHECK NONE).';

describe('healthcheck-missing', () => {
  test('reports the final stage image when no HEALTHCHECK is set', () => {
    expect(lintRule(rule, 'FROM node:22 AS build\nHEALTHCHECK CMD true\nFROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n')).toEqual([
      { ruleId: 'healthcheck-missing', message, line: 3, column: 6, endLine: 3, endColumn: 16, text: 'nginx:1.27' },
    ]);
  });

  test('HEALTHCHECK NONE, a lower-case healthcheck, or one inherited from a parent stage count', () => {
    expect(lintRule(rule, 'FROM nginx:1.27\nHEALTHCHECK NONE\n')).toEqual([]);
    expect(lintRule(rule, 'FROM nginx:1.27\r\nhealthcheck --interval=30s \\\r\n  CMD curl -f http://localhost/\r\n')).toEqual([]);
    expect(lintRule(rule, 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN true\n')).toEqual([]);
  });

  test('an empty file has no stage to report', () => {
    expect(lintRule(rule, '# nothing\n')).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
