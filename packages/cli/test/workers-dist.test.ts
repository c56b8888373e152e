import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadedConfig } from '../src/config-files.js';
import type { JobResult, lintInWorkers as LintInWorkers } from '../src/workers.js';
import { makeTempDir, removeTempDir, writeFiles } from './helpers.js';

// Worker threads run JavaScript, so these tests drive the built dist/workers.js (and its
// dist/lint-worker.js), not the TypeScript sources the other tests import.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let lintInWorkers: typeof LintInWorkers;
let dir: string;

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'packages/cli/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
  ({ lintInWorkers } = (await import(pathToFileURL(join(repoRoot, 'packages/cli/dist/workers.js')).href)) as { lintInWorkers: typeof LintInWorkers });
  dir = makeTempDir();
  writeFiles(dir, { 'a/Dockerfile': 'FROM debian:12\nWORKDIR app\n', 'b/Dockerfile': 'FROM debian:12\nWORKDIR /app\n' });
}, 180_000);

afterAll(() => {
  if (dir) removeTempDir(dir);
});

const config = (over: Partial<LoadedConfig> = {}): LoadedConfig => ({
  file: null,
  kind: 'inline',
  dir,
  config: { extends: 'none', rules: { 'workdir-relative': 'error' } },
  isIgnored: () => false,
  ...over,
});

async function collect(paths: string[], configFor: (path: string) => Promise<LoadedConfig>): Promise<JobResult[]> {
  const out: JobResult[] = [];
  for await (const answer of lintInWorkers(paths, configFor, {}, 2)) out.push(answer);
  return out;
}

test('answers come in the order of the paths; a file that cannot be read is an answer of its own', async () => {
  const shared = config();
  const paths = [join(dir, 'a/Dockerfile'), join(dir, 'missing/Dockerfile'), join(dir, 'b/Dockerfile')];
  const answers = await collect(paths, () => Promise.resolve(shared));
  expect(answers.map((a) => [a.index, a.kind])).toEqual([
    [0, 'linted'],
    [1, 'unreadable'],
    [2, 'linted'],
  ]);
  const [first, missing, last] = answers;
  expect(first?.kind === 'linted' && first.outcome.result.messages.map((m) => [m.ruleId, m.line])).toEqual([['workdir-relative', 2]]);
  expect(missing?.kind === 'unreadable' && missing.reason).toMatch(/no such file/i);
  expect(last?.kind === 'linted' && last.outcome.result.messages).toEqual([]);
}, 60_000);

test('a file whose lint throws (a bug, not a finding) fails the whole run with its path and the error', async () => {
  // A config the engine cannot read stands in for a bug in the engine.
  const broken = config({ config: null as unknown as LoadedConfig['config'] });
  const path = join(dir, 'a/Dockerfile');
  await expect(collect([path], () => Promise.resolve(broken))).rejects.toThrow(`linting ${path} failed: TypeError`);
}, 60_000);
