import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (image: string): string =>
  `"${image}" follows "latest", which moves whenever a new version is published: pin a version tag or a digest.`;

describe('image-latest-tag', () => {
  test('reports the latest tag itself', () => {
    expect(lintRule(rule, 'FROM docker.io/library/alpine:latest AS base\n')).toEqual([
      { ruleId: 'image-latest-tag', message: message('docker.io/library/alpine:latest'), line: 1, column: 31, endLine: 1, endColumn: 37, text: 'latest' },
    ]);
  });

  test('reports a registry with a port and lower-case keyword, CRLF', () => {
    expect(lintRule(rule, 'from registry:5000/app:LATEST\r\n').map((f) => [f.line, f.column, f.text])).toEqual([[1, 24, 'LATEST']]);
  });

  test('reports the whole image token when latest comes from an ARG default', () => {
    expect(lintRule(rule, 'ARG TAG=latest\nFROM redis:${TAG}\n')).toEqual([
      { ruleId: 'image-latest-tag', message: message('redis:latest'), line: 2, column: 6, endLine: 2, endColumn: 18, text: 'redis:${TAG}' },
    ]);
  });

  test('accepts versions, digests, untagged images, stages named latest and unknown ARGs', () => {
    const text = [
      'ARG TAG',
      'FROM alpine:3.21 AS latest',
      'FROM alpine:latest@sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
      'FROM latest',
      'FROM node',
      'FROM node:${TAG}',
      'FROM scratch',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
