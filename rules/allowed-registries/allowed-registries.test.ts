import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const options = [{ registries: ['registry.example.com', '*.gcr.io', 'localhost:5000'] }];
const allowed = 'registry.example.com, *.gcr.io, localhost:5000';

describe('allowed-registries', () => {
  test('reports a FROM image of another registry, Docker Hub included', () => {
    expect(lintRule(rule, 'FROM node:22 AS build\nfrom quay.io/x/y:1\n', options)).toEqual([
      {
        ruleId: 'allowed-registries',
        message: `"node:22" comes from registry "docker.io", which is not one of the allowed registries (${allowed}).`,
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 13,
        text: 'node:22',
      },
      {
        ruleId: 'allowed-registries',
        message: `"quay.io/x/y:1" comes from registry "quay.io", which is not one of the allowed registries (${allowed}).`,
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 19,
        text: 'quay.io/x/y:1',
      },
    ]);
  });

  test('reports images of COPY --from and RUN --mount=from=, and resolves ARGs', () => {
    const text = [
      'ARG BASE=ghcr.io/org/base:1',
      'FROM ${BASE}',
      'COPY --from=docker.io/library/busybox:1 /bin/sh /sh',
      'RUN --mount=type=bind,from=quay.io/t/tool:1,target=/t true',
      '',
    ].join('\n');
    expect(lintRule(rule, text, options).map((f) => [f.line, f.text])).toEqual([
      [2, '${BASE}'],
      [3, 'docker.io/library/busybox:1'],
      [4, 'quay.io/t/tool:1'],
    ]);
  });

  test('accepts allowed hosts, subdomain wildcards, ports, stages, scratch and unknown ARGs', () => {
    const text = [
      'ARG IMG',
      'FROM registry.example.com/node:22 AS build',
      'FROM eu.gcr.io/distroless/static',
      'FROM localhost:5000/app:1',
      'FROM build',
      'FROM scratch',
      'FROM $IMG',
      'COPY --from=build /a /a',
      'RUN --mount=type=bind,from=context,target=/c true',
      '',
    ].join('\n');
    expect(lintRule(rule, text, options)).toEqual([]);
  });

  test('docker.io allows Docker Hub however it is written; no list means nothing to check', () => {
    const text = 'FROM node:22\nFROM index.docker.io/library/node:22\nFROM docker.io/node:22\n';
    expect(lintRule(rule, text, [{ registries: ['Docker.io'] }])).toEqual([]);
    expect(lintRule(rule, text)).toEqual([]);
    expect(lintRule(rule, text, [{ registries: ['*'] }])).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url), [{ registries: ['registry.example.com', '*.gcr.io'] }])).toEqual({
      bad: 2,
      good: 1,
      badWithoutFinding: [],
      goodWithFinding: [],
    });
  });
});
