import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('invalid-default-arg-in-from', () => {
  test('reports an empty base name on the image', () => {
    expect(lintRule(rule, 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS app\n')).toEqual([
      {
        ruleId: 'invalid-default-arg-in-from',
        message: 'With the default ARG values the base image name is empty, so the build fails unless --build-arg sets "BASE_IMAGE": give the ARG a default.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 19,
        text: '${BASE_IMAGE}',
      },
    ]);
  });

  test('reports an invalid reference, naming the ARGs without default', () => {
    const text = 'ARG REGISTRY=docker.io\r\nARG TAG\r\nfrom ${REGISTRY}/library/golang:${TAG}-alpine\r\nFROM img@${DIGEST_X:-}\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [
        3,
        '${REGISTRY}/library/golang:${TAG}-alpine',
        'With the default ARG values the base image is "docker.io/library/golang:-alpine", which is not a valid image reference: give "TAG" a default.',
      ],
    ]);
  });

  test('accepts valid defaults, quotes, platform ARGs, stages, scratch, undeclared variables and literal images', () => {
    const text = [
      'ARG TAG=3.21',
      'ARG STAGE=build',
      'ARG EMPTY',
      'ARG S=scratch',
      'FROM alpine:"${TAG}" AS build',
      'FROM build-${TARGETARCH}',
      'FROM ${STAGE}',
      'FROM $S',
      'FROM alpine${EMPTY}:3',
      'FROM ${UNDECLARED}',
      'FROM alpine:3',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
