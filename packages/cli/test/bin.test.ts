import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
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
