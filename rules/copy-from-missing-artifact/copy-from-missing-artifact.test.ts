import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { closestName } from './evidence.js';
import { diamolChapter4, fixtureCases } from '../_test/fixtures.js';
import rule from './index.js';

const at = (text: string): Array<[number, number, string, string]> => lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message]);

describe('copy-from-missing-artifact', () => {
  test('a typo in --from: exact finding, safe fix, clean after the fix', () => {
    const text = 'FROM golang:1.22 AS builder\nRUN go build -o /out/app\nFROM alpine\nCOPY --from=buidler /out/app /app\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'copy-from-missing-artifact',
        message: 'No stage named "buidler" is defined before this instruction. Did you mean "builder"?',
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 20,
        text: 'buidler',
      },
    ]);
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM golang:1.22 AS builder\nRUN go build -o /out/app\nFROM alpine\nCOPY --from=builder /out/app /app\n');
    expect(lintRule(rule, fixed)).toEqual([]);
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('lower-case keywords, CRLF and a --from flag on a continuation line', () => {
    const text = 'from golang as Builder\r\nrun go build -o /out/app\r\nfrom alpine\r\ncopy \\\r\n  # the binary\r\n  --from=buidler /out/app /app\r\n';
    expect(at(text)).toEqual([[6, 10, 'buidler', 'No stage named "buidler" is defined before this instruction. Did you mean "builder"?']]);
    expect(fixRule(rule, text)).toBe(text.replace('buidler', 'builder'));
  });

  test('an unknown name with no close stage is reported without a hint or a fix', () => {
    const text = 'FROM golang AS builder\nRUN go build -o /out/app\nFROM alpine\nCOPY --from=prod /out/app /app\n';
    expect(at(text)).toEqual([[4, 13, 'prod', 'No stage named "prod" is defined before this instruction.']]);
    expect(fixRule(rule, text)).toBe(text);
  });

  test('a close name that is defined only later is not offered', () => {
    const text = 'FROM alpine AS app\nCOPY --from=buidler /out/app /app\nFROM golang AS builder\n';
    expect(at(text)).toEqual([[2, 13, 'buidler', 'No stage named "buidler" is defined before this instruction.']]);
  });

  test('image references and official image names are external, not stages', () => {
    for (const from of ['composer', 'nginx:1.27', 'ghcr.io/x/y', 'busybox@sha256:0123456789abcdef0123456789abcdef', 'scratch']) {
      expect([from, at(`FROM php\nCOPY --from=${from} /usr/bin/composer /usr/bin/\n`)]).toEqual([from, []]);
    }
  });

  test('paths the stage may have produced, or its base image may ship, are not reported', () => {
    const valid = [
      // the base image (a composer stage) may ship it
      'FROM composer:2 AS composer\nFROM php\nCOPY --from=composer /usr/bin/composer /usr/bin/composer\n',
      // a build script may write anything
      'FROM golang AS b\nRUN mkdir /out && ./build.sh\nFROM alpine\nCOPY --from=b /out/app /app\n',
      // under a tree the stage wrote
      'FROM node AS b\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx\nCOPY --from=b /app/dist /usr/share/nginx/html\n',
      // relative to the golang image's WORKDIR, which the file does not know
      'FROM golang AS b\nWORKDIR src\nRUN go build -o bin/app\nFROM scratch\nCOPY --from=b /go/src/bin/app /app\n',
      // a directory the stage created is copied whole
      'FROM alpine AS b\nRUN mkdir -p /out/data\nFROM alpine\nCOPY --from=b /out/data /data\n',
      // globs
      'FROM scratch AS b\nCOPY a.txt /a.txt\nFROM alpine\nCOPY --from=b /*.conf /etc/\n',
      // the root of an empty scratch stage
      'FROM scratch AS none\nFROM alpine\nCOPY --from=none / /opt/\n',
    ];
    for (const text of valid) expect([text, at(text)]).toEqual([text, []]);
  });

  test('a source path with an unresolved ARG is skipped; a resolved one is checked', () => {
    const text = 'FROM scratch AS b\nCOPY a /out/a\nFROM alpine\nARG NAME\nARG OTHER=c\nCOPY --from=b /out/${NAME} /x\nCOPY --from=b /out/${OTHER} /y\n';
    expect(at(text)).toEqual([[7, 15, '/out/${OTHER}', 'Stage "b" starts from scratch and nothing in it writes "/out/c".']]);
  });

  test('relative sources of COPY --from are relative to the root of the stage', () => {
    const text = 'FROM scratch AS b\nCOPY a /out/a\nFROM alpine\nWORKDIR /out\nCOPY --from=b out/a out/b /x/\n';
    expect(at(text)).toEqual([[5, 21, 'out/b', 'Stage "b" starts from scratch and nothing in it writes "/out/b".']]);
  });

  test('a heredoc RUN with a bind mount from an unknown stage', () => {
    const text = 'FROM alpine AS tools\nRUN mkdir /t\nFROM alpine\nRUN --mount=from=tols,target=/t <<EOF\nls /t\nEOF\n';
    expect(at(text)).toEqual([[4, 18, 'tols', 'No stage named "tols" is defined before this instruction. Did you mean "tools"?']]);
    expect(fixRule(rule, text)).toBe(text.replace('from=tols', 'from=tools'));
  });

  test('closestName: one clear winner within two edits, transpositions count as one', () => {
    expect(closestName('buidler', ['builder', 'runtime'])).toBe('builder');
    expect(closestName('fiels', ['files'])).toBe('files');
    expect(closestName('Build', ['build'])).toBe('build');
    expect(closestName('bild', ['build', 'bind'])).toBeNull();
    expect(closestName('go', ['gen'])).toBeNull();
    expect(closestName('prod', ['builder'])).toBeNull();
  });

  describe('fixtures', () => {
    for (const c of fixtureCases(rule)) {
      test(c.name, () => {
        expect(c.actualFindings).toBe(c.expectedFindings);
        expect(c.actualSafe).toBe(c.expectedSafe);
        expect(c.actualUnsafe).toBe(c.expectedUnsafe);
        // What the safe fix leaves: only the findings it could not fix.
        const unfixed = lintMessages(rule, c.input).filter((m) => m.fixDetails?.safety !== 'safe');
        expect(lintRule(rule, c.actualSafe).map((f) => f.message)).toEqual(unfixed.map((m) => m.message));
        expect(fixRule(rule, c.actualSafe)).toBe(c.actualSafe);
      });
    }
  });

  test('the README examples: each bad one is reported, the good ones are not', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('the diamol chapter 4 examples give no findings', () => {
    const files = diamolChapter4();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect([file.path, lintRule(rule, file.text)]).toEqual([file.path, []]);
  });
});
