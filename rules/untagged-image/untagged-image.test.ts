import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const message = (image: string): string =>
  `Base image "${image}" has no tag, so the build takes whatever "latest" is that day: name a version tag or a digest.`;

describe('untagged-image', () => {
  test('reports an untagged image on the image token', () => {
    expect(lintRule(rule, 'from ubuntu AS base\r\nRUN true\r\n')).toEqual([
      { ruleId: 'untagged-image', message: message('ubuntu'), line: 1, column: 6, endLine: 1, endColumn: 12, text: 'ubuntu' },
    ]);
  });

  test('reports an untagged registry image with a port', () => {
    expect(lintRule(rule, 'FROM localhost:5000/team/app\n').map((f) => [f.text, f.message])).toEqual([
      ['localhost:5000/team/app', message('localhost:5000/team/app')],
    ]);
  });

  test('names the ARG default when the image comes from a variable', () => {
    expect(lintRule(rule, 'ARG BASE=python\nFROM ${BASE}\n')).toEqual([
      {
        ruleId: 'untagged-image',
        message:
          'Base image "python" (the default value of the ARG here) has no tag, so the build takes whatever "latest" is that day: name a version tag or a digest.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 13,
        text: '${BASE}',
      },
    ]);
  });

  test('accepts tags, digests, scratch, earlier stages (any case) and unknown ARG values', () => {
    const text = [
      'ARG VERSION',
      'ARG BASE=python:3.13',
      'ARG IMG',
      'FROM golang:1.23 AS Build',
      'FROM alpine@sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
      'FROM build',
      'FROM scratch',
      'FROM ${BASE}',
      'FROM $IMG',
      'FROM node:${VERSION}',
      'FROM --platform=$BUILDPLATFORM node:22 AS x',
      'FROM {{ .base }}',
      'FROM Ubuntu',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a later stage of the same name as an image is still an image', () => {
    expect(lintRule(rule, 'FROM app\nFROM alpine:3 AS app\n').map((f) => f.text)).toEqual(['app']);
  });

  test('fixtures/rules/untagged-image: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('hadolint ignore pragmas for DL3006 switch it off for the next instruction', () => {
    const text = '# hadolint ignore=DL3006\nFROM node\nFROM python\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['python']);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
