import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/index.js';

// Builds, packs every publishable package and installs the tarballs with plain npm in an empty
// project (the registry serves eslint itself): slow, so everything shares one setup.

const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const tempPrefix = join(tmpdir(), 'dfo-pack-');
const fixture = readFileSync(join(repoRoot, 'fixtures/eslint/app/Dockerfile'), 'utf8');
const childEnv = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' };

interface Publishable {
  dir: string;
  /** Where the TypeScript sources that become `dist/` live. */
  sourceRoot: string;
  /** Files shipped next to `dist/`, relative to `dir`. */
  extras: string[];
}

const filesUnder = (root: string, skip: (rel: string) => boolean = () => false): string[] => {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (skip(rel)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.push(rel);
    }
  };
  walk(root);
  return out;
};

const rulesDir = join(repoRoot, 'rules');
const publishable: Publishable[] = [
  { dir: join(repoRoot, 'packages/core'), sourceRoot: 'src', extras: ['wasm/tree-sitter-bash.wasm'] },
  {
    dir: rulesDir,
    sourceRoot: '.',
    extras: readdirSync(rulesDir).filter((name) => existsSync(join(rulesDir, name, 'README.md'))).map((name) => `${name}/README.md`),
  },
  {
    dir: join(repoRoot, 'packages/cli'),
    sourceRoot: 'src',
    extras: [...filesUnder(join(repoRoot, 'packages/cli/bin')).map((f) => `bin/${f}`), ...filesUnder(join(repoRoot, 'packages/cli/schema')).map((f) => `schema/${f}`)],
  },
  { dir: join(repoRoot, 'packages/eslint-plugin'), sourceRoot: 'src', extras: [] },
];

/** Test code and test helpers: never compiled into a tarball. */
const DEV_ONLY = /(^|\/)(node_modules|dist|_test)(\/|$)|\.test\.ts$|(^|\/)fixture-cases\.ts$/;

/** What `files` must put in a tarball: each module's JavaScript and declarations, the extras, package.json and README. */
function expectedEntries(p: Publishable): string[] {
  const sources = filesUnder(join(p.dir, p.sourceRoot), (rel) => DEV_ONLY.test(rel)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const dist = sources.flatMap((f) => [`dist/${f.replace(/\.ts$/, '.js')}`, `dist/${f.replace(/\.ts$/, '.d.ts')}`]);
  const readme = existsSync(join(p.dir, 'README.md')) ? ['README.md'] : [];
  return [...dist, ...p.extras, ...readme, 'package.json'].sort();
}

function tarballName(packageName: string, version: string): string {
  return `${packageName.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: string, args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: childEnv, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir = '';
let tarballs = '';
let project = '';

beforeAll(async () => {
  const build = await run('pnpm', ['build'], repoRoot);
  if (build.code !== 0) throw new Error(`pnpm build failed:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(tempPrefix);
  tarballs = join(dir, 'tarballs');
  project = join(dir, 'project');
  const pack = await run('pnpm', ['-r', 'pack', '--pack-destination', tarballs], repoRoot);
  if (pack.code !== 0) throw new Error(`pnpm -r pack failed:\n${pack.stderr}`);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'dfo-pack-probe', private: true }, null, 2)}\n`);
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  const install = await run('npm', ['install', ...files, 'eslint@10.15.0'], project);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
}, 300_000);

afterAll(() => {
  if (dir.startsWith(tempPrefix)) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm -r pack', () => {
  test('gives one tarball per publishable package, holding exactly its runtime files', async () => {
    const manifests = publishable.map((p) => JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { name: string; version: string });
    expect(readdirSync(tarballs).sort()).toEqual(manifests.map((m) => tarballName(m.name, m.version)).sort());
    for (const [i, p] of publishable.entries()) {
      const manifest = manifests[i] as { name: string; version: string };
      const listing = await run('tar', ['-tzf', join(tarballs, tarballName(manifest.name, manifest.version))], dir);
      const entries = listing.stdout.trim().split('\n').map((e) => e.replace(/^package\//, '')).sort();
      expect([manifest.name, entries]).toEqual([manifest.name, expectedEntries(p)]);
    }
  });

  test('the plugin tarball, spelled out', async () => {
    const listing = await run('tar', ['-tzf', join(tarballs, 'eslint-plugin-dockerfile-opt-0.1.0.tgz')], dir);
    expect(listing.stdout.trim().split('\n').sort()).toEqual(
      [
        'README.md',
        'dist/adapt-rule.d.ts',
        'dist/adapt-rule.js',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/language.d.ts',
        'dist/language.js',
        'dist/source-code.d.ts',
        'dist/source-code.js',
        'package.json',
      ].map((f) => `package/${f}`),
    );
  });

  test('installed manifests: ESM, engines, declarations, and real versions instead of workspace:*', () => {
    for (const name of ['@dockerfile-opt/core', '@dockerfile-opt/rules', 'dockerfile-opt', 'eslint-plugin-dockerfile-opt']) {
      const root = join(project, 'node_modules', name);
      const text = readFileSync(join(root, 'package.json'), 'utf8');
      const manifest = JSON.parse(text) as { type: string; engines: { node: string }; types: string; exports: { '.': { types: string; default: string } } };
      expect([name, text.includes('workspace:'), manifest.type, manifest.engines.node]).toEqual([name, false, 'module', '>=20.19.0']);
      for (const file of [manifest.types, manifest.exports['.'].types, manifest.exports['.'].default]) expect([name, file, existsSync(join(root, file))]).toEqual([name, file, true]);
    }
  });
});

describe('in an empty npm project', () => {
  beforeAll(() => {
    writeFileSync(join(project, 'Dockerfile'), fixture);
    writeFileSync(
      join(project, 'eslint.config.mjs'),
      'import dockerfileOpt from "eslint-plugin-dockerfile-opt";\nexport default [dockerfileOpt.configs.recommended];\n',
    );
  });

  test('npx dockerfile-opt lint reports what the core engine finds with the recommended rules', async () => {
    const expected = lintWithRules(fixture, rules, { config: {} }).result;
    const result = await run('npx', ['dockerfile-opt', 'lint', '--format', 'json'], project);
    const [report] = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Linter.LintMessage[] }>;
    expect(report?.filePath).toBe(join(project, 'Dockerfile'));
    expect(report?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(expected.messages.map((m) => [m.ruleId, m.line, m.column, m.message]));
    expect(expected.messages.map((m) => m.ruleId)).toContain('apt-get-yes');
    expect(result.code).toBe(expected.errorCount > 0 ? 1 : 0);
  });

  test('npx eslint Dockerfile reports our rules; the eslint-disable comment suppresses one of them', async () => {
    const core = lintWithRules(fixture, rules, { config: {} }).result.messages;
    const suppressed = (m: { ruleId: string | null; line: number }): boolean => m.ruleId === 'apt-get-yes' && m.line === 6;
    expect(core.filter(suppressed)).toHaveLength(1);
    const result = await run('npx', ['eslint', '--format', 'json', 'Dockerfile'], project);
    expect(result.stderr).toBe('');
    const [report] = JSON.parse(result.stdout) as ESLint.LintResult[];
    expect(report?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(
      core.filter((m) => !suppressed(m)).map((m) => [`dockerfile-opt/${m.ruleId ?? ''}`, m.line, m.column, m.message]),
    );
  });

  test('npx eslint --fix applies the safe fixes, as the plugin does in this repository', async () => {
    const inRepo = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], fix: true });
    const [expected] = await inRepo.lintText(fixture, { filePath: 'Dockerfile' });
    expect(expected?.output).toContain('LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN apt-get update && apt-get install -y curl\n');
    await run('npx', ['eslint', '--fix', 'Dockerfile'], project);
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe(expected?.output);
  });
});
