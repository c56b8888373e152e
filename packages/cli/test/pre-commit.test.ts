import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The hooks of .pre-commit-hooks.yaml under the real pre-commit (the Debian package that
 * .ci/run installs): pre-commit clones this repository at its HEAD commit and installs it with
 * npm, as it would for a user whose .pre-commit-config.yaml points at a tag. Uncommitted changes
 * are not seen. The first run installs the hook environment (npm install of the repository's
 * dependencies, npm pack, npm install -g): minutes on a busy machine.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
const PREFIX = join(tmpdir(), 'dockerfile-opt-pre-commit-test-');
const BAD = 'FROM debian:12\nCOPY go.mod go.sum /src\n';
const FIXED = 'FROM debian:12\nCOPY go.mod go.sum /src/\n';
const GOOD = 'FROM debian:12\nCOPY go.mod go.sum /src/\nCMD ["true"]\n';

interface Outcome {
  code: number | null;
  output: string;
}

function runCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

async function git(args: string[], cwd: string): Promise<string> {
  const outcome = await runCommand('git', args, cwd);
  if (outcome.code !== 0) throw new Error(`git ${args.join(' ')} failed:\n${outcome.output}`);
  return outcome.output.trim();
}

let dir = '';
let project = '';
/** pre-commit's cache (clones and the hook environment) stays inside the temporary directory. */
let preCommitEnv: NodeJS.ProcessEnv = {};

describe('the hooks under pre-commit', () => {
  beforeAll(async () => {
    dir = mkdtempSync(PREFIX);
    project = join(dir, 'project');
    mkdirSync(project);
    const { NODE_OPTIONS: _jestNodeOptions, ...inherited } = process.env;
    preCommitEnv = { ...inherited, PRE_COMMIT_HOME: join(dir, 'cache') };
    const head = await git(['rev-parse', 'HEAD'], repoRoot);
    await git(['init', '--quiet'], project);
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(repoRoot)}\n    rev: ${head}\n    hooks:\n      - id: dockerfile-opt\n      - id: dockerfile-opt-fix\n`,
    );
    writeFileSync(join(project, 'README.md'), 'COPY go.mod go.sum /src is not a Dockerfile here.\n');
    // The project's own config applies in the hook, as on the command line; one rule keeps the
    // findings independent of the recommended set.
    writeFileSync(join(project, '.dockerfile-opt.json'), JSON.stringify({ extends: 'none', rules: { 'copy-dest-dir-slash': 'error' } }));
    // Installs the hook environment once, so that each test below times only its own run.
    const install = await runCommand('pre-commit', ['install-hooks'], project, preCommitEnv);
    if (install.code !== 0) throw new Error(`pre-commit install-hooks failed (is the Debian package pre-commit installed?):\n${install.output}`);
  }, 900_000);

  afterAll(() => {
    if (dir.startsWith(PREFIX)) rmSync(dir, { recursive: true, force: true });
  });

  /** Write the project's Dockerfile, stage everything, and run one hook on all files. */
  async function runHook(hook: string, dockerfile: string): Promise<Outcome> {
    writeFileSync(join(project, 'Dockerfile'), dockerfile);
    await git(['add', '--all'], project);
    return runCommand('pre-commit', ['run', hook, '--all-files', '--color=never'], project, preCommitEnv);
  }

  describe('hook dockerfile-opt', () => {
    test('fails on a Dockerfile with an error and prints the finding', async () => {
      const outcome = await runHook('dockerfile-opt', BAD);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toMatch(/^dockerfile-opt\.+Failed$/m);
      expect(outcome.output).toMatch(/^ {2}2:20 {2}error {2}COPY .+ {2}copy-dest-dir-slash$/m);
      expect(outcome.output).toContain('1 problem (1 error, 0 warnings)');
      // Only the Dockerfile was passed: the README's text would not parse as one.
      expect(outcome.output).not.toContain('README');
      expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe(BAD);
    }, 300_000);

    test('passes on a good Dockerfile', async () => {
      const outcome = await runHook('dockerfile-opt', GOOD);
      expect(outcome.code).toBe(0);
      expect(outcome.output).toMatch(/^dockerfile-opt\.+Passed$/m);
    }, 300_000);
  });

  describe('hook dockerfile-opt-fix', () => {
    test('rewrites the Dockerfile with the safe fix, and pre-commit fails because a file changed', async () => {
      const outcome = await runHook('dockerfile-opt-fix', BAD);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toMatch(/^dockerfile-opt \(safe fixes\)\.+Failed$/m);
      expect(outcome.output).toContain('- files were modified by this hook');
      expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe(FIXED);
    }, 300_000);

    test('leaves a good Dockerfile alone', async () => {
      const outcome = await runHook('dockerfile-opt-fix', GOOD);
      expect(outcome.code).toBe(0);
      expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe(GOOD);
    }, 300_000);
  });
});

describe('the root package pre-commit installs', () => {
  interface Manifest {
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    bundleDependencies?: string[];
    workspaces?: string[];
    files?: string[];
    scripts?: Record<string, string>;
  }
  const manifest = (path: string) => JSON.parse(readFileSync(join(repoRoot, path, 'package.json'), 'utf8')) as Manifest;
  const root = manifest('.');

  test("is an npm workspace of the packages the CLI is made of, so that npm can install what the bundler needs", () => {
    expect(root.workspaces).toEqual(['packages/core', 'rules', 'packages/cli']);
    expect(root.scripts?.prepack).toBe('node scripts/bundle.mjs');
  });

  test('ships the CLI\'s bin and bundle alone: no dependencies to install', () => {
    const cliBin = manifest('packages/cli').bin?.['dockerfile-opt']?.replace(/^\.\//, '');
    expect(root.bin).toEqual({ 'dockerfile-opt': `packages/cli/${cliBin}` });
    expect(root.files).toEqual([`packages/cli/${cliBin}`, 'packages/cli/dist/bundle/']);
    expect([root.dependencies, root.bundleDependencies]).toEqual([undefined, undefined]);
  });
});
