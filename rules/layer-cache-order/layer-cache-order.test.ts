import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixRule, lintMessages, lintRule, type Finding } from '../_test/harness.js';
import rule from './index.js';

const FIXTURES = new URL('../../fixtures/rules/layer-cache-order/', import.meta.url).pathname;
const README = new URL('./README.md', import.meta.url).pathname;

type Reader = (path: string) => string | null;

/** A case's `context/` folder stands for the build context, when it has one. */
function contextReader(caseDir: string): Reader | undefined {
  const context = join(caseDir, 'context');
  if (!existsSync(context)) return undefined;
  return (path) => (existsSync(join(context, path)) ? readFileSync(join(context, path), 'utf8') : null);
}

function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} «${f.text}» ${f.message}\n`).join('');
}

describe('layer-cache-order fixtures', () => {
  const cases = readdirSync(FIXTURES).sort();

  test('cover every ecosystem of the table, the seed lab and the guards', () => {
    for (const name of ['seed-go-lab', 'npm-copy-all', 'yarn', 'pnpm', 'pip', 'poetry', 'uv', 'pipenv', 'go-mod-download', 'maven', 'gradle', 'cargo', 'composer', 'bundler', 'dotnet-context']) {
      expect(cases).toContain(name);
    }
    expect(cases.filter((c) => c.startsWith('guard-')).length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = join(FIXTURES, name);
      const input = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const readContextFile = contextReader(dir);
      const fixedPath = join(dir, 'fixed-unsafe.Dockerfile');
      const expectedFixed = existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : input;

      test('findings', () => {
        expect(formatFindings(lintRule(rule, input, [], { readContextFile }))).toBe(readFileSync(join(dir, 'findings.txt'), 'utf8'));
      });

      test('unsafe fix output (no fixed file: no fix)', () => {
        expect(fixRule(rule, input, { unsafe: true, readContextFile })).toBe(expectedFixed);
      });

      test('safe fixes change nothing', () => {
        expect(fixRule(rule, input, { readContextFile })).toBe(input);
      });

      test('the fixed file re-lints clean and fixing it again changes nothing', () => {
        expect(fixRule(rule, expectedFixed, { unsafe: true, readContextFile })).toBe(expectedFixed);
        if (expectedFixed !== input) expect(lintRule(rule, expectedFixed, [], { readContextFile })).toEqual([]);
      });
    });
  }
});

describe('layer-cache-order', () => {
  const seed = 'FROM diamol/golang\nWORKDIR web\nCOPY index.html .\nCOPY main.go .\nRUN go build -o /web/server\nRUN chmod +x /web/server\nCMD ["/web/server"]\n';

  test('reports the seed lab on the index.html token, naming the build it breaks', () => {
    expect(lintRule(rule, seed)).toEqual([
      {
        ruleId: 'layer-cache-order',
        message: '"index.html" is copied before "go build -o /web/server" (line 5), which does not read it: every change to it re-runs that step. Copy it after that step.',
        line: 3,
        column: 6,
        endLine: 3,
        endColumn: 16,
        text: 'index.html',
      },
    ]);
  });

  test('the fix is unsafe: it moves index.html after the build steps only with unsafe fixes', () => {
    const [message] = lintMessages(rule, seed);
    expect(message?.fixDetails?.safety).toBe('unsafe');
    expect(fixRule(rule, seed)).toBe(seed);
    expect(fixRule(rule, seed, { unsafe: true })).toBe(
      'FROM diamol/golang\nWORKDIR web\nCOPY main.go .\nRUN go build -o /web/server\nRUN chmod +x /web/server\nCOPY index.html .\nCMD ["/web/server"]\n',
    );
  });

  test('reports the whole context before an install on the source token, with the manifests it reads', () => {
    expect(lintRule(rule, 'FROM node:20\nWORKDIR /app\nCOPY --chown=node . /app/\nRUN npm ci\n')).toEqual([
      {
        ruleId: 'layer-cache-order',
        message: '"." copies more than "npm ci" (line 4) reads (package*.json): every change to the other files re-runs it. Copy the manifests and install first.',
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 20,
        text: '.',
      },
    ]);
  });

  test('copies the manifests the build context holds, with the destination the install runs in', () => {
    const files: Record<string, string> = { 'web/package.json': '{}', 'web/yarn.lock': '' };
    const readContextFile: Reader = (path) => files[path] ?? null;
    const text = 'FROM node:20\nWORKDIR /repo\nCOPY . .\nWORKDIR /repo\nRUN cd web && yarn\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['.']);
    expect(fixRule(rule, text, { unsafe: true, readContextFile })).toBe(text);
    const sameState = 'FROM node:20\nWORKDIR /repo\nCOPY . .\nRUN cd web && yarn\n';
    expect(fixRule(rule, sameState, { unsafe: true, readContextFile })).toBe(
      'FROM node:20\nWORKDIR /repo\nCOPY web/package.json web/yarn.lock web/\nRUN cd web && yarn\nCOPY . .\n',
    );
  });

  test('does not add a manifest copy that an earlier instruction already made', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\nRUN npm run build\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([[4, '.']]);
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n');
  });

  test('accepts copies the slow step reads, and installs that read the copied sources too', () => {
    for (const text of [
      'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n',
      'FROM golang:1.22\nWORKDIR /src\nCOPY main.go .\nRUN go build -o /server .\n',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install .\n',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n',
      'FROM python:3.12\nCOPY requirements.txt /tmp/requirements.txt\nRUN pip install -r /tmp/requirements.txt\n',
      'FROM node:20\nWORKDIR /app\nCOPY package.json /app\nRUN npm ci\n',
      'FROM node:20\nWORKDIR /app\nCOPY packages/ packages/\nCOPY package.json .\nRUN npm ci\n',
      'FROM node:20\nWORKDIR /app\nCOPY prisma/schema.prisma ./prisma/\nCOPY package*.json ./\nRUN npm ci\n',
    ]) {
      expect(lintRule(rule, text)).toEqual([]);
    }
  });

  test('a copy that a later copy brings in again is reported only up to that copy', () => {
    const text = 'FROM golang:1.22\nWORKDIR /src\nCOPY README.md .\nCOPY . .\nRUN go build -o /server .\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a step that reads the copy ends the search: no report for the steps after it', () => {
    const text = 'FROM golang:1.22\nWORKDIR /web\nCOPY index.html .\nRUN sed -i s/x/y/ index.html\nRUN go build -o /server\n';
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('names the first step for a RUN with several commands and joins continuation lines', () => {
    const text = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --upgrade pip \\\n && pip install \\\n    -r requirements.txt\n';
    const [finding] = lintRule(rule, text);
    expect(finding?.message).toBe(
      '"." copies more than "pip install -r requirements.txt" (line 4) reads (requirements.txt): every change to the other files re-runs it. Copy the manifests and install first.',
    );
  });
});

describe('layer-cache-order edge cases', () => {
  test('tool configuration outside the working tree counts as read by installs and builds', () => {
    for (const text of [
      'FROM python:3.12\nWORKDIR /app\nCOPY pip.conf /etc/pip.conf\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'FROM golang:1.22\nWORKDIR /src\nCOPY netrc /root/.netrc\nCOPY go.mod go.sum ./\nRUN go mod download\n',
    ]) {
      expect(lintRule(rule, text)).toEqual([]);
    }
  });

  test('a copy elsewhere than the working tree and the system directories is volatile', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY proto/ /build/proto/\nCOPY package*.json ./\nRUN npm ci\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[3, 6, 'proto/']]);
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY proto/ /build/proto/\n');
  });

  test('skips sources whose ARG value is unknown, remote sources and heredoc copies', () => {
    for (const copy of ['COPY ${SRC} .', 'ADD https://example.com/page.html .', 'COPY <<EOF index.html\n<p>hi</p>\nEOF']) {
      expect(lintRule(rule, `FROM golang:1.22\nARG SRC\nWORKDIR /web\n${copy}\nCOPY main.go .\nRUN go build -o /server\n`)).toEqual([]);
    }
  });

  test('an ARG with a known value in the source is expanded', () => {
    const text = 'FROM golang:1.22\nARG PAGE=index.html\nWORKDIR /web\nCOPY ${PAGE} .\nCOPY main.go .\nRUN go build -o /server\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['${PAGE}']);
  });

  test('COPY --parents gets no manifest-first fix', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY --parents . .\nRUN npm ci\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['.']);
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('several copies moved after the same build keep their order', () => {
    const text = 'FROM golang:1.22\nWORKDIR /web\nCOPY index.html .\nCOPY style.css .\nCOPY main.go .\nRUN go build -o /server\nEXPOSE 80\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['index.html', 'style.css']);
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM golang:1.22\nWORKDIR /web\nCOPY main.go .\nRUN go build -o /server\nCOPY index.html .\nCOPY style.css .\nEXPOSE 80\n');
  });

  test('moves an install that ends the file without a line break', () => {
    expect(fixRule(rule, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci', { unsafe: true })).toBe('FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .');
  });

  test('a copied file does not move past a WORKDIR at or below its path, nor past a WORKDIR with an unknown ARG', () => {
    for (const workdir of ['WORKDIR /web/page.html/sub', 'WORKDIR ${SITE}']) {
      const text = `FROM golang:1.22\nARG SITE\nWORKDIR /web\nCOPY page.html /web/page.html\nCOPY main.go .\n${workdir}\nWORKDIR /web\nRUN go build -o /server\n`;
      expect(lintRule(rule, text).map((f) => f.text)).toEqual(['page.html']);
      expect(fixRule(rule, text, { unsafe: true })).toBe(text);
    }
    const text = 'FROM golang:1.22\nWORKDIR /web\nCOPY page.html /web/page.html\nCOPY main.go .\nWORKDIR /web/cmd\nWORKDIR /web\nRUN go build -o /server\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe('FROM golang:1.22\nWORKDIR /web\nCOPY main.go .\nWORKDIR /web/cmd\nWORKDIR /web\nRUN go build -o /server\nCOPY page.html /web/page.html\n');
  });

  test('an ADD of the context gets a COPY of the manifests', () => {
    expect(fixRule(rule, 'FROM node:20\nWORKDIR /app\nADD . .\nRUN npm ci\n', { unsafe: true })).toBe(
      'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nADD . .\n',
    );
  });

  test('the message joins backtick continuations under the backtick escape directive', () => {
    const text = '# escape=`\nFROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install `\n    -r requirements.txt\n';
    expect(lintRule(rule, text)[0]?.message).toBe(
      '"." copies more than "pip install -r requirements.txt" (line 5) reads (requirements.txt): every change to the other files re-runs it. Copy the manifests and install first.',
    );
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      '# escape=`\nFROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install `\n    -r requirements.txt\nCOPY . .\n',
    );
  });

  test('a BOM stays in front and offsets still match', () => {
    const text = '\uFEFFFROM golang:1.22\nWORKDIR /web\nCOPY index.html .\nCOPY main.go .\nRUN go build -o /server\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[3, 6, 'index.html']]);
    expect(fixRule(rule, text, { unsafe: true })).toBe('\uFEFFFROM golang:1.22\nWORKDIR /web\nCOPY main.go .\nRUN go build -o /server\nCOPY index.html .\n');
  });
});

describe('layer-cache-order README', () => {
  const readme = readFileSync(README, 'utf8');
  const examples = [...readme.matchAll(/<!-- (bad|good) -->\s*```dockerfile\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1], text: m[2] as string }));

  test('has bad and good examples', () => {
    expect(examples.filter((e) => e.kind === 'bad').length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((e) => e.kind === 'good').length).toBeGreaterThanOrEqual(2);
  });

  test('bad examples are reported and good ones are not', () => {
    for (const example of examples) {
      expect({ example: example.text, reported: lintRule(rule, example.text).length > 0 }).toEqual({ example: example.text, reported: example.kind === 'bad' });
    }
  });

  test('each bad example is followed by a good one that is its unsafe fix', () => {
    for (let i = 0; i + 1 < examples.length; i += 2) {
      const bad = examples[i];
      const good = examples[i + 1];
      expect([bad?.kind, good?.kind]).toEqual(['bad', 'good']);
      expect(fixRule(rule, bad?.text ?? '', { unsafe: true })).toBe(good?.text);
    }
  });
});
