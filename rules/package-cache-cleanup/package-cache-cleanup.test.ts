import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

const where = (text: string): Array<[number, number, string]> => lintRule(rule, text).map((f) => [f.line, f.column, f.text]);

describe('package-cache-cleanup', () => {
  test('reports apt-get update without removing the lists, on the command words', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n')).toEqual([
      {
        ruleId: 'package-cache-cleanup',
        message: '"apt-get update" leaves the package lists in the image: end the RUN with "rm -rf /var/lib/apt/lists/*", or mount a cache on /var/lib/apt/lists.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 19,
        text: 'apt-get update',
      },
    ]);
  });

  test('the fix is unsafe: only applied with unsafe fixes, and appends the cleanup at the end of the RUN', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM debian:12\nRUN apt-get update && apt-get install -y curl || true && rm -rf /var/lib/apt/lists/*\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
    expect(lintMessages(rule, text)[0]?.fixDetails?.safety).toBe('unsafe');
  });

  test('no fix for a RUN that only updates: a later install needs the lists', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
    expect(where(text)).toEqual([[2, 5, 'apt-get update']]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('cleanup in the same RUN, apt-get dist-clean and cache mounts count', () => {
    for (const text of [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n',
      'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
      'FROM debian:12\nWORKDIR /var/lib\nRUN --mount=type=cache,target=apt apt-get update && apt-get install -y curl\n',
    ]) {
      expect(where(text)).toEqual([]);
    }
  });

  test('apk add gets --no-cache, pip install gets --no-cache-dir', () => {
    const text = 'FROM python:3.12-alpine\nRUN apk add curl && pip3 install flask==3.0.3\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([
      ['apk add', '"apk add" keeps the package index in /var/cache/apk: add --no-cache, or mount a cache on /var/cache/apk.'],
      ['pip3 install', '"pip install" keeps downloaded packages in ~/.cache/pip: add --no-cache-dir, set PIP_NO_CACHE_DIR=1, or mount a cache on /root/.cache/pip.'],
    ]);
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM python:3.12-alpine\nRUN apk add --no-cache curl && pip3 install --no-cache-dir flask==3.0.3\n');
  });

  test('PIP_NO_CACHE_DIR from ENV, a command prefix or the env wrapper turns the pip cache off', () => {
    expect(where('FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n')).toEqual([]);
    expect(where('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n')).toEqual([]);
    expect(where('FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=1 pip install flask\n')).toEqual([]);
    expect(where('FROM python:3.12\nRUN pip install flask && pip cache purge\n')).toEqual([]);
  });

  test('yum, dnf, microdnf, zypper and yarn need their clean command', () => {
    expect(lintRule(rule, 'FROM x\nRUN yum install -y tar\nRUN dnf -y upgrade\nRUN zypper --non-interactive in vim\nRUN yarn\n').map((f) => f.message)).toEqual([
      '"yum install" keeps its metadata and package cache in the image: end the RUN with "yum clean all", or mount a cache on /var/cache/yum.',
      '"dnf upgrade" keeps its metadata and package cache in the image: end the RUN with "dnf clean all", or mount a cache on /var/cache/dnf.',
      '"zypper in" keeps its package cache in the image: end the RUN with "zypper clean --all", or mount a cache on /var/cache/zypp.',
      '"yarn" keeps the yarn cache in the image: end the RUN with "yarn cache clean", or mount a cache on the yarn cache folder.',
    ]);
    expect(where('FROM x\nRUN yum install -y tar && yum clean all\nRUN dnf install -y tar && dnf clean all\nRUN yarn install && yarn cache clean\nRUN yarn --version\n')).toEqual([]);
  });

  test('a hadolint ignore pragma silences the findings of its own code only', () => {
    const text = 'FROM x\n# hadolint ignore=DL3042,DL3040\nRUN apk add curl && pip install flask && dnf install -y tar && yum install -y gzip\n';
    expect(where(text)).toEqual([
      [3, 5, 'apk add'],
      [3, 64, 'yum install'],
    ]);
  });

  test('only stages the final image is built from are checked', () => {
    const text = 'FROM node:20 AS deps\nRUN yarn install\nFROM deps AS build\nRUN apt-get update && apt-get install -y git\nFROM node:20-slim\nCOPY --from=build /app /app\n';
    expect(where(text)).toEqual([]);
    expect(where(`${text}FROM build\n`)).toEqual([
      [2, 5, 'yarn install'],
      [4, 5, 'apt-get update'],
    ]);
  });

  test('the append fix keeps a closing backquote and works with the backtick escape character', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo `date`\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo `date` && rm -rf /var/lib/apt/lists/*\n');
    const windows = '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y curl\n';
    expect(fixRule(rule, windows, { unsafe: true })).toBe('# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
  });

  test('no append fix after a trailing comment or a trailing semicolon', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\nRUN apt-get update; apt-get install -y git;\n';
    expect(where(text)).toEqual([
      [2, 5, 'apt-get update'],
      [3, 5, 'apt-get update'],
    ]);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('fixtures: continuations with comments, CRLF, heredocs, exec form, lower-case keywords, cache mounts', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });
});
