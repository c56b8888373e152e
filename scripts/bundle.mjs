#!/usr/bin/env node
// Bundle the command-line program (packages/cli/src/main.ts) and everything it imports (core, the
// rules, dockerfile-ast, web-tree-sitter, yaml, ...) into packages/cli/dist/bundle/, with the two
// WebAssembly files it loads beside it. `pnpm build` runs this after tsc. The bin runs the bundle:
// start-up reads a few files instead of a few hundred modules, and the repository root, which
// pre-commit installs with npm, ships the bundle alone, with no dependencies to install.
//
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli');
const outdir = join(cli, 'dist/bundle');
const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));

const { metafile, outputFiles } = await build({
  entryPoints: { 'dockerfile-opt': join(cli, 'src/main.ts'), 'lint-worker': join(cli, 'src/lint-worker.ts') },
  bundle: true,
  // Code split at the CLI's dynamic imports: `--version` and `--help` load only the entry.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  // Bundle the workspace packages from their TypeScript sources.
  conditions: ['@dockerfile-opt/source'],
  define: {
    DOCKERFILE_OPT_VERSION: JSON.stringify(version),
    DOCKERFILE_OPT_BASH_WASM: JSON.stringify('./tree-sitter-bash.wasm'),
    DOCKERFILE_OPT_LINT_WORKER: JSON.stringify('./lint-worker.mjs'),
  },
  // CommonJS dependencies call require() for Node's built-in modules; ES modules have no require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  // Written below, file by file, only where the content changed.
  write: false,
  logLevel: 'warning',
});

// web-tree-sitter looks for its runtime beside the script that loads it; the grammar is found
// through DOCKERFILE_OPT_BASH_WASM above. The bundle holds other people's code: their licences go
// with it.
const fromCore = createRequire(join(root, 'packages/core/package.json'));
const files = new Map(outputFiles.map((file) => [basename(file.path), file.contents]));
files.set('web-tree-sitter.wasm', readFileSync(join(dirname(fromCore.resolve('web-tree-sitter')), 'web-tree-sitter.wasm')));
files.set('tree-sitter-bash.wasm', readFileSync(join(root, 'packages/core/wasm/tree-sitter-bash.wasm')));
files.set('THIRD-PARTY-LICENSES.txt', Buffer.from(thirdPartyLicenses(Object.keys(metafile.inputs))));

// Something may be reading the bundle meanwhile (`pnpm -r pack` packs the CLI while the root's
// prepack runs this): a file is replaced by a rename, only when its content changed, and stale
// chunks go only after the new ones are in place.
mkdirSync(outdir, { recursive: true });
for (const [name, contents] of files) {
  const target = join(outdir, name);
  if (existsSync(target) && readFileSync(target).equals(contents)) continue;
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
}
for (const name of readdirSync(outdir)) {
  if (!files.has(name) && /^chunk-[A-Z0-9]+\.mjs$/.test(name)) rmSync(join(outdir, name));
}

/** The name, version, licence and licence text of every package from node_modules in the bundle. */
function thirdPartyLicenses(inputs) {
  const packageDirs = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirs.add(resolve(root, match[1]));
  }
  const sections = [...packageDirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\..*)?$/i.test(name));
    const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : `(no licence file; package.json says ${manifest.license})`;
    return { id: `${manifest.name}@${manifest.version}`, body: `${manifest.name} ${manifest.version} (${manifest.license})\n\n${text}\n` };
  });
  // The grammar is WebAssembly that core vendors (packages/core/wasm), with its licence beside it.
  const grammarLicense = readFileSync(join(root, 'packages/core/wasm/LICENSE'), 'utf8').trim();
  sections.push({ id: 'tree-sitter-bash', body: `tree-sitter-bash (MIT), as tree-sitter-bash.wasm\n\n${grammarLicense}\n` });
  sections.sort((a, b) => a.id.localeCompare(b.id));
  const header = 'dockerfile-opt bundles the following packages. Their licences follow.\n';
  return [header, ...sections.map((s) => s.body)].join(`\n${'-'.repeat(78)}\n\n`);
}
