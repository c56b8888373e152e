import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { diamolChapter4, fixtureCases } from '../_test/fixtures.js';
import rule from './index.js';

const at = (text: string): Array<[number, number, string, string]> => lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message]);
const none = (texts: string[]): void => {
  for (const text of texts) expect([text, at(text)]).toEqual([text, []]);
};

describe('cmd-missing-executable', () => {
  test('the seed case: /web/server on diamol/base with no COPY putting it there', () => {
    const text = 'FROM diamol/base\nCMD ["/web/server"]\nWORKDIR /web\nCOPY index.html .\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'cmd-missing-executable',
        message: 'CMD starts "/web/server", but nothing in the final stage writes it and the base image "diamol/base" does not ship it.',
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 18,
        text: '/web/server',
      },
    ]);
    expect(fixRule(rule, text)).toBe(text);
  });

  test('written by the stage, by COPY into WORKDIR, or by a parent stage: nothing to report', () => {
    none([
      'FROM diamol/golang AS builder\nRUN go build -o /server\nFROM diamol/base\nCMD ["/web/server"]\nWORKDIR /web\nCOPY --from=builder /server .\n',
      'FROM alpine AS base\nCOPY app /app/app\nFROM base\nENTRYPOINT ["/app/app"]\n',
      'FROM alpine\nWORKDIR /app\nCOPY . .\nCMD ["./run.sh"]\n',
      'FROM scratch\nCOPY --from=build / /\nCMD ["/bin/app"]\n',
    ]);
  });

  test('the known minimal images start at /: relative WORKDIRs and COPYs on them are known', () => {
    expect(at('FROM alpine\nWORKDIR app\nCOPY y.txt .\nCMD ["./x"]\n')).toEqual([
      [4, 7, './x', 'CMD starts "/app/x", but nothing in the final stage writes it and the base image "alpine" does not ship it.'],
    ]);
    expect(at('FROM node:20-alpine\nWORKDIR app\nCOPY y.txt .\nCMD ["./x"]\n')).toEqual([]);
  });

  test('a relative program resolves against the last WORKDIR, in shell form too', () => {
    expect(at('FROM alpine\nWORKDIR /srv\nCOPY server /usr/local/bin/\nCMD ./server --port 80\nWORKDIR app\n')).toEqual([
      [
        4,
        5,
        './server',
        'CMD starts "/srv/app/server", but nothing in the final stage writes it and the base image "alpine" does not ship it. It writes "/usr/local/bin/server": did you mean that?',
      ],
    ]);
  });

  test('ENTRYPOINT decides; CMD only passes it arguments', () => {
    expect(at('FROM alpine\nCOPY app /usr/bin/app\nENTRYPOINT ["/usr/bin/app"]\nCMD ["/opt/not-a-program"]\n')).toEqual([]);
    expect(at('FROM busybox\nENTRYPOINT /opt/tool/run --verbose\nCMD ["/usr/bin/app"]\n')).toEqual([
      [2, 12, '/opt/tool/run', 'ENTRYPOINT starts "/opt/tool/run", but nothing in the final stage writes it and the base image "busybox" does not ship it.'],
    ]);
  });

  test('an empty ENTRYPOINT hands over to CMD; ENTRYPOINT resets the CMD of a parent stage', () => {
    expect(at('FROM alpine\nENTRYPOINT []\nCMD ["/app/x"]\n')).toEqual([
      [3, 7, '/app/x', 'CMD starts "/app/x", but nothing in the final stage writes it and the base image "alpine" does not ship it.'],
    ]);
    expect(at('FROM alpine AS base\nCMD ["/app/x"]\nFROM base\nCOPY y /usr/bin/y\nENTRYPOINT ["/usr/bin/y"]\n')).toEqual([]);
  });

  test('init wrappers: the wrapped program, or CMD, is checked too', () => {
    expect(at('FROM scratch\nCOPY tini /tini\nENTRYPOINT ["/tini", "-g", "--", "/app"]\n').map((f) => f[2])).toEqual(['/app']);
    expect(at('FROM scratch\nCOPY tini /tini\nENTRYPOINT ["/tini", "--"]\nCMD ["/app"]\n')).toEqual([
      [4, 7, '/app', 'CMD starts "/app", but the final image is built from scratch and nothing in it writes that path.'],
    ]);
  });

  test('a same-named file elsewhere is offered', () => {
    expect(at('FROM scratch\nCOPY server /bin/server\nCMD ["/server"]\n')).toEqual([
      [3, 7, '/server', 'CMD starts "/server", but the final image is built from scratch and nothing in it writes that path. It writes "/bin/server": did you mean that?'],
    ]);
  });

  test('sh -c wrappers, bare names, variables, system paths and unknown bases are skipped', () => {
    none([
      'FROM alpine\nCMD ["sh", "-c", "/app/x"]\n',
      'FROM alpine\nCMD ["/bin/sh", "-c", "/app/x"]\n',
      'FROM alpine\nCMD ["server"]\n',
      'FROM alpine\nCMD ["$APP/server"]\n',
      'FROM alpine\nARG APP=/opt/app\nCMD $APP/server\n',
      'FROM alpine\nCMD $APP/server\n',
      'FROM alpine\nENV APP=/opt/app\nCOPY server /opt/app/server\nCMD "$APP/server"\n',
      'FROM alpine\nCMD ["/usr/local/bin/app"]\n',
      'FROM node:20\nCMD ["/app/server.js"]\n',
      'FROM ${BASE}\nCMD ["/app/x"]\n',
      'FROM gcr.io/distroless/nodejs20-debian12\nCMD ["/app/server.js"]\n',
      'FROM gcr.io/distroless/static:debug\nENTRYPOINT ["/busybox/sh"]\n',
      'FROM alpine\nWORKDIR ${DIR}\nCMD ["./x"]\n',
      'FROM alpine\nRUN ./install.sh\nCMD ["/app/x"]\n',
      'FROM node:20-alpine\nWORKDIR app\nCOPY x .\nCMD ["/app/x"]\n',
      'FROM alpine\nWORKDIR app\nCOPY x .\nCMD ["/app/x"]\n',
      'FROM diamol/base\nCMD ["/web/server"]\nWORKDIR web\nCOPY --from=builder /server .\n',
      'FROM debian:12-slim\nRUN git clone https://example.com/tool.git /usr/lib/tool\nWORKDIR "/usr/lib/tool/"\nENTRYPOINT [ "./tool.py" ]\n',
      'FROM mcr.microsoft.com/windows/nanoserver\nCMD ["c:/app/x"]\n',
      'FROM diamol/base\nENTRYPOINT ["/traefik"]\nCOPY --from=traefik:windows /traefik.exe /traefik.exe\n',
    ]);
    // the container's shell expands ENV, set before or after the CMD
    expect(at('FROM alpine\nCMD "$APP_HOME/server" --port 80\nENV APP_HOME=/opt/app\n')).toEqual([
      [2, 5, '"$APP_HOME/server"', 'CMD starts "/opt/app/server", but nothing in the final stage writes it and the base image "alpine" does not ship it.'],
    ]);
    // on scratch even /bin/sh must be written
    expect(at('FROM scratch\nCMD ["/bin/sh", "-c", "/app/x"]\n').map((f) => f[2])).toEqual(['/bin/sh']);
  });

  test('lower-case keywords, CRLF, a continuation with a comment line, ARG in FROM', () => {
    const text = 'ARG BASE=alpine:3.20\r\nfrom ${BASE}\r\nworkdir /app\r\ncmd [ \\\r\n# the server\r\n  "./server" ]\r\n';
    expect(at(text)).toEqual([
      [6, 4, './server', 'CMD starts "/app/server", but nothing in the final stage writes it and the base image "alpine:3.20" does not ship it.'],
    ]);
  });

  describe('fixtures', () => {
    for (const c of fixtureCases(rule)) {
      test(c.name, () => {
        expect(c.actualFindings).toBe(c.expectedFindings);
        expect(c.actualSafe).toBe(c.input);
        expect(c.actualUnsafe).toBe(c.input);
      });
    }
  });

  test('the README examples: each bad one is reported, the good ones are not', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('the diamol chapter 4 examples give no findings', () => {
    for (const file of diamolChapter4()) expect([file.path, lintRule(rule, file.text)]).toEqual([file.path, []]);
  });
});
