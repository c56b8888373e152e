import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, onlyRules, removeTempDir, SAMPLE, writeFiles } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/dockerfile-opt.js', import.meta.url));
let dir: string;

beforeAll(() => {
  // The bin runs the bundle that scripts/bundle.mjs makes from the sources, as `pnpm build` does.
  try {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    throw new Error(`The build failed:\n${String((error as { stdout?: string }).stdout ?? error)}`, { cause: error });
  }
  dir = makeTempDir();
  writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error' }), Dockerfile: SAMPLE });
}, 180_000);

afterAll(() => {
  if (dir) removeTempDir(dir);
});

function runBin(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test('the built bin lints, reports and sets the exit code', () => {
  const r = runBin(['lint']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('Dockerfile\n  2:9  error  WORKDIR "app" is relative');
});

test('the built bin reads standard input', () => {
  const r = runBin(['--stdin', '--format', 'json'], 'FROM debian:12\nWORKDIR /app\n');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ filePath: '<stdin>', messages: [] })]);
});

test('the built bin answers --version and usage errors', () => {
  expect(runBin(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  const bad = runBin(['--nope']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('Unknown option "--nope"');
});

describe('worker threads (--concurrency)', () => {
  // Seven Dockerfiles, one of them unparsable, in three folders with their own configs.
  const files: Record<string, string> = {
    'a/Dockerfile': SAMPLE,
    'a/Dockerfile.dev': 'FROM node:20\nCOPY . .\nRUN npm ci\nCMD node app.js\n',
    'a/.dockerfile-opt.json': onlyRules({ 'workdir-relative': 'error', 'apt-get-yes': 'warn', 'layer-cache-order': 'warn' }),
    'b/Containerfile': 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
    'b/x.Dockerfile': 'FORM broken\n',
    'b/.dockerfile-opt.json': JSON.stringify({ extends: 'all' }),
    'c/Dockerfile': 'FROM debian:12\nCOPY go.mod go.sum /src\nRUN apt-get install curl\n',
    'c/Dockerfile.prod': 'FROM alpine:3.19\nRUN apk add curl\n',
    'c/Dockerfile.test': 'FROM alpine:3.19 AS test\nWORKDIR app\n',
  };
  let tree: string;
  const runIn = (cwd: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  beforeAll(() => {
    tree = makeTempDir();
    writeFiles(tree, files);
  });
  afterAll(() => {
    if (tree) removeTempDir(tree);
  });

  test('give the same report, in the same order, as one thread', () => {
    const single = runIn(tree, ['--format', 'json', '--concurrency', 'off']);
    const report = JSON.parse(single.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    expect(report.map((r) => r.filePath.slice(tree.length + 1))).toEqual(['a/Dockerfile', 'a/Dockerfile.dev', 'b/Containerfile', 'b/x.Dockerfile', 'c/Dockerfile', 'c/Dockerfile.prod', 'c/Dockerfile.test']);
    expect(report.every((r) => r.messages.length > 0)).toBe(true);
    for (const threads of ['2', '3', '7']) {
      const parallel = runIn(tree, ['--format', 'json', '--concurrency', threads]);
      expect([threads, parallel.status, parallel.stderr, parallel.stdout]).toEqual([threads, single.status, single.stderr, single.stdout]);
    }
  }, 60_000);

  test('write the same fixes as one thread', () => {
    const copy = (name: string): string => {
      const target = join(tree, name);
      writeFiles(target, files);
      return target;
    };
    const one = copy('one');
    const two = copy('two');
    const single = runIn(one, ['--unsafe-fixes', '--concurrency', 'off']);
    const parallel = runIn(two, ['--unsafe-fixes', '--concurrency', '2']);
    expect([parallel.status, parallel.stdout.replaceAll(two, '<dir>')]).toEqual([single.status, single.stdout.replaceAll(one, '<dir>')]);
    const changed = Object.keys(files).filter((name) => readFileSync(join(one, name), 'utf8') !== files[name]);
    expect(changed.length).toBeGreaterThan(3);
    for (const name of Object.keys(files)) expect([name, readFileSync(join(two, name), 'utf8')]).toEqual([name, readFileSync(join(one, name), 'utf8')]);
  }, 60_000);

  test('a bad --concurrency is a usage error', () => {
    for (const value of ['0', 'x', '-1', '1.5']) {
      const r = runIn(tree, [`--concurrency=${value}`]);
      expect([value, r.status, r.stderr.split('\n')[0]]).toEqual([value, 2, `dockerfile-opt: --concurrency expects a number of threads (1 or more), auto or off, got "${value}".`]);
    }
  });
});
