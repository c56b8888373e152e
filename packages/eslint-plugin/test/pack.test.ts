import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/index.js';
import { applyLspEdits, LspClient, type LspRange, type LspWorkspaceEdit } from './lsp-client.js';

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

/** The publishable packages, in the copy of the workspace that is built and packed. */
function publishablePackages(workspace: string): Publishable[] {
  const rulesDir = join(workspace, 'rules');
  const cliDir = join(workspace, 'packages/cli');
  return [
    { dir: join(workspace, 'packages/core'), sourceRoot: 'src', extras: ['wasm/LICENSE', 'wasm/tree-sitter-bash.wasm'] },
    {
      dir: rulesDir,
      sourceRoot: '.',
      extras: readdirSync(rulesDir).filter((name) => existsSync(join(rulesDir, name, 'README.md'))).map((name) => `${name}/README.md`),
    },
    {
      dir: cliDir,
      sourceRoot: 'src',
      // The folders its `files` lists next to dist: the executable, the config schema, example
      // files; and the bundle the executable runs (scripts/bundle.mjs).
      extras: ['bin', 'schema', 'examples', 'dist/bundle']
        .filter((folder) => existsSync(join(cliDir, folder)))
        .flatMap((folder) => filesUnder(join(cliDir, folder)).map((f) => `${folder}/${f}`)),
    },
    { dir: join(workspace, 'packages/eslint-plugin'), sourceRoot: 'src', extras: [] },
  ];
}

/** A fresh build needs the working tree without installed packages, outputs (stale ones would be packed) and test data. */
const NOT_COPIED = /(^|\/)(node_modules|dist|\.git|\.cache)(\/|$)|^fixtures(\/|$)/;

/** Test code and test helpers: never compiled into a tarball. */
const DEV_ONLY = /(^|\/)(node_modules|dist|_test)(\/|$)|\.test\.ts$/;

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
let workspace = '';
let tarballs = '';
let project = '';
let editor = '';

async function step(command: string, args: string[], cwd: string): Promise<void> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(tempPrefix);
  // Build and pack a copy of the workspace, so that outputs of deleted sources left in the working
  // tree's dist/ folders cannot end up in a tarball.
  workspace = join(dir, 'workspace');
  cpSync(repoRoot, workspace, { recursive: true, filter: (source) => !NOT_COPIED.test(relative(repoRoot, source)) });
  await step('pnpm', ['install', '--offline'], workspace);
  await step('pnpm', ['build'], workspace);
  tarballs = join(dir, 'tarballs');
  project = join(dir, 'project');
  await step('pnpm', ['-r', 'pack', '--pack-destination', tarballs], workspace);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'dfo-pack-probe', private: true }, null, 2)}\n`);
  const publishable = publishablePackages(workspace).map((p) => JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { name: string; version: string });
  const files = publishable.map((m) => join(tarballs, tarballName(m.name, m.version)));
  await step('npm', ['install', ...files, 'eslint@10.15.0'], project);
  // The VS Code ESLint extension's language server, as packaged for other editors, stands in for VS Code.
  editor = join(dir, 'editor');
  mkdirSync(editor);
  writeFileSync(join(editor, 'package.json'), `${JSON.stringify({ name: 'dfo-editor-probe', private: true }, null, 2)}\n`);
  await step('npm', ['install', 'vscode-langservers-extracted@4.10.0'], editor);
}, 600_000);

afterAll(() => {
  if (dir.startsWith(tempPrefix)) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm -r pack', () => {
  test('gives one tarball per publishable package, holding exactly its runtime files', async () => {
    const publishable = publishablePackages(workspace);
    const manifests = publishable.map((p) => JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { name: string; version: string });
    // Besides the two private workspace packages: the root (what pre-commit installs) and the benchmarks.
    const privateOnes = ['dockerfile-opt-monorepo-0.1.0.tgz', 'dockerfile-opt-bench-0.0.0.tgz'];
    expect(readdirSync(tarballs).sort()).toEqual([...manifests.map((m) => tarballName(m.name, m.version)), ...privateOnes].sort());
    for (const [i, p] of publishable.entries()) {
      const manifest = manifests[i] as { name: string; version: string };
      const listing = await run('tar', ['-tzf', join(tarballs, tarballName(manifest.name, manifest.version))], dir);
      const entries = listing.stdout.trim().split('\n').map((e) => e.replace(/^package\//, '')).sort();
      expect([manifest.name, entries]).toEqual([manifest.name, expectedEntries(p)]);
    }
  }, 120_000);

  test('the plugin tarball, spelled out', async () => {
    const listing = await run('tar', ['-tzf', join(tarballs, 'eslint-plugin-dockerfile-opt-0.1.0.tgz')], dir);
    expect(listing.stdout.trim().split('\n').sort()).toEqual(
      [
        'README.md',
        'dist/adapt-rule.d.ts',
        'dist/adapt-rule.js',
        'dist/context-reader.d.ts',
        'dist/context-reader.js',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/language.d.ts',
        'dist/language.js',
        'dist/source-code.d.ts',
        'dist/source-code.js',
        'package.json',
      ].map((f) => `package/${f}`),
    );
  }, 120_000);

  test('installed manifests: ESM, engines, declarations, and real versions instead of workspace:*', () => {
    for (const name of ['@dockerfile-opt/core', '@dockerfile-opt/rules', 'dockerfile-opt', 'eslint-plugin-dockerfile-opt']) {
      const root = join(project, 'node_modules', name);
      const text = readFileSync(join(root, 'package.json'), 'utf8');
      const manifest = JSON.parse(text) as { type: string; engines: { node: string }; types: string; exports: { '.': { types: string; default: string } } };
      expect([name, text.includes('workspace:'), manifest.type, manifest.engines.node]).toEqual([name, false, 'module', '>=20.19.0']);
      for (const file of [manifest.types, manifest.exports['.'].types, manifest.exports['.'].default]) expect([name, file, existsSync(join(root, file))]).toEqual([name, file, true]);
    }
  });

  test('the root tarball (what pre-commit installs) is the bundled CLI alone, with no dependencies, and runs', async () => {
    const tarball = join(tarballs, 'dockerfile-opt-monorepo-0.1.0.tgz');
    const listing = await run('tar', ['-tzf', tarball], dir);
    const bundle = filesUnder(join(workspace, 'packages/cli/dist/bundle')).map((f) => `packages/cli/dist/bundle/${f}`);
    expect(bundle).toEqual(expect.arrayContaining(['packages/cli/dist/bundle/dockerfile-opt.mjs', 'packages/cli/dist/bundle/THIRD-PARTY-LICENSES.txt']));
    expect(listing.stdout.trim().split('\n').sort()).toEqual(
      ['README.md', 'package.json', 'packages/cli/bin/dockerfile-opt.js', ...bundle].map((f) => `package/${f}`).sort(),
    );
    const manifest = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'], dir)).stdout) as Record<string, unknown>;
    expect([manifest.dependencies, manifest.bundleDependencies, manifest.bin]).toEqual([undefined, undefined, { 'dockerfile-opt': 'packages/cli/bin/dockerfile-opt.js' }]);
    // As pre-commit does it (`npm install -g` of the packed root), into a prefix of our own, with
    // no registry: nothing is left to download.
    const prefix = join(dir, 'global');
    await step('npm', ['install', '-g', '--offline', '--prefix', prefix, tarball], dir);
    const hook = join(prefix, 'bin/dockerfile-opt');
    expect((await run(hook, ['--version'], dir)).stdout).toBe('0.1.0\n');
    const expected = lintWithRules(fixture, rules, { config: {} }).result;
    const hookProject = join(dir, 'hook-project');
    mkdirSync(hookProject);
    writeFileSync(join(hookProject, 'Dockerfile'), fixture);
    writeFileSync(join(hookProject, '.dockerfile-opt.json'), '{}\n');
    const result = await run(hook, ['lint', '--format', 'json', 'Dockerfile'], hookProject);
    expect(result.stderr).toBe('');
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Linter.LintMessage[] }>;
    expect(report?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(expected.messages.map((m) => [m.ruleId, m.line, m.column, m.message]));
  }, 120_000);
});

describe('in an empty npm project', () => {
  beforeAll(() => {
    writeFileSync(join(project, 'Dockerfile'), fixture);
    // The CLI uses the nearest config file above a Dockerfile: this one keeps any stray config of
    // the temporary folder's parents out (the defaults, the recommended rules, apply).
    writeFileSync(join(project, '.dockerfile-opt.json'), '{}\n');
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
  }, 120_000);

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
  }, 120_000);

  test('npx eslint --fix applies the safe fixes, as the plugin does in this repository', async () => {
    const inRepo = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], fix: true });
    const [expected] = await inRepo.lintText(fixture, { filePath: 'Dockerfile' });
    expect(expected?.output).toContain('LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n');
    await run('npx', ['eslint', '--fix', 'Dockerfile'], project);
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe(expected?.output);
  }, 120_000);
});

describe('declarations', () => {
  test("type-check in a consumer's strict TypeScript (nodenext), without @types/node", async () => {
    writeFileSync(
      join(project, 'types-check.mts'),
      [
        "import { parseDockerfile, type DockerfileNode } from '@dockerfile-opt/core';",
        "import { rules } from '@dockerfile-opt/rules';",
        "import { lintText } from 'dockerfile-opt';",
        "import { defineConfig } from 'eslint/config';",
        "import dockerfileOpt from 'eslint-plugin-dockerfile-opt';",
        "const root: DockerfileNode = parseDockerfile('FROM debian:12\\n');",
        'export const count: number = root.instructions.length + rules.length;',
        'export const lint: typeof lintText = lintText;',
        'export default defineConfig([dockerfileOpt.configs.recommended]);',
        '',
      ].join('\n'),
    );
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', 'types-check.mts'];
    expect(await run(process.execPath, args, project)).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 120_000);
});

interface Diagnostic {
  range: LspRange;
  code: { value: string } | string;
  message: string;
}

interface CodeAction {
  title: string;
  kind: string;
  command?: { command: string; arguments: unknown[] };
  edit?: LspWorkspaceEdit;
}

describe("in an editor: the VS Code ESLint extension's language server", () => {
  const uri = (): string => pathToFileURL(join(project, 'Dockerfile')).href;
  let client: LspClient;

  beforeAll(async () => {
    writeFileSync(join(project, 'Dockerfile'), fixture);
    // What the extension sends for a file whose language is in `eslint.validate` or a successful `eslint.probe`.
    const settings = {
      validate: 'on',
      packageManager: 'npm',
      useESLintClass: false,
      experimental: { useFlatConfig: false },
      codeActionOnSave: { enable: true, mode: 'all' },
      format: false,
      quiet: false,
      onIgnoredFiles: 'off',
      options: {},
      rulesCustomizations: [],
      run: 'onType',
      problems: { shortenToSingleLine: false },
      nodePath: null,
      workspaceFolder: { name: 'project', uri: pathToFileURL(project).href },
      codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    };
    const serverBin = join(editor, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
    client = new LspClient(process.execPath, [serverBin, '--stdio'], project, settings);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(project).href,
      workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
      capabilities: { workspace: { configuration: true, applyEdit: true }, textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } } } },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'dockerfile', version: 1, text: fixture } });
  }, 120_000);

  afterAll(() => client.stop());

  const diagnostics = async (): Promise<Diagnostic[]> => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri() } })).items;
  const codeOf = (d: Diagnostic): string => (typeof d.code === 'string' ? d.code : d.code.value);

  test('shows our findings as diagnostics at the same places as the eslint CLI', async () => {
    const [expected] = await new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] }).lintText(fixture, {
      filePath: 'Dockerfile',
    });
    expect(expected?.messages.length).toBeGreaterThan(3);
    expect((await diagnostics()).map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, codeOf(d), d.message])).toEqual(
      expected?.messages.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.ruleId, m.message]),
    );
  }, 120_000);

  test('offers an unsafe fix as a quick fix, and "Disable for this line" writes a // comment', async () => {
    const target = (await diagnostics()).find((d) => codeOf(d) === 'dockerfile-opt/apt-no-install-recommends') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: target.range, context: { diagnostics: [target] } });
    const id = 'dockerfile-opt/apt-no-install-recommends';
    expect(actions.map((a) => a.title)).toEqual([
      `Add --no-install-recommends (installs fewer packages; the build may need some of them) (${id})`,
      `Disable ${id} for this line`,
      `Disable ${id} for the entire file`,
      `Show documentation for ${id}`,
    ]);
    const run = async (index: number): Promise<string> => {
      const { command } = actions[index] as CodeAction;
      await client.request('workspace/executeCommand', { command: command?.command, arguments: command?.arguments });
      const edit = client.appliedEdits.shift();
      return applyLspEdits(fixture, edit?.documentChanges?.[0]?.edits ?? []);
    };
    expect(await run(0)).toBe(fixture.replace('apt-get install curl', 'apt-get install --no-install-recommends curl'));
    // The extension knows no comment syntax for Dockerfiles and falls back to `//`: the README says to switch this action off.
    expect(await run(1)).toBe(fixture.replace('run apt-get', `// eslint-disable-next-line ${id}\nrun apt-get`));
  }, 120_000);

  test('"Fix all" (fix on save) applies the same safe fixes as eslint --fix', async () => {
    const [expected] = await new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], fix: true }).lintText(fixture, {
      filePath: 'Dockerfile',
    });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range, context: { diagnostics: [], only: ['source.fixAll.eslint'] } });
    expect(fixAll?.kind).toBe('source.fixAll.eslint');
    expect(applyLspEdits(fixture, fixAll?.edit?.documentChanges?.[0]?.edits ?? [])).toBe(expected?.output);
  }, 120_000);
});
