import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { LoadedConfig } from './config-files.js';
import { describeIoError, toPosix } from './config-files.js';
import { globToRegExp, isGlob, splitGlob } from './glob.js';
import { FileError } from './types.js';

const DOCKERFILE_NAME = /^(?:dockerfile|dockerfile[.-].+|.+\.dockerfile|containerfile|containerfile\..+)$/i;
/**
 * Names the patterns catch that are not Dockerfiles: BuildKit's per-Dockerfile ignore file, docs,
 * source code and data about Dockerfiles (`dockerfile-parser.ts`, `dockerfile.go`), editor and
 * merge leftovers.
 */
const NOT_A_DOCKERFILE =
  /(?:\.(?:dockerignore|md|markdown|rst|txt|orig|rej|bak|swp|diff|patch|log|lock|snap|map|json|ya?ml|toml|xml|html?|css|[cm]?[jt]sx?|go|py|rb|rs|java|kt|c|h|cc|cpp|cs|php|sh|bash|ps1|bat)|~)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** Whether a file name is one directory search picks up (case-insensitive). */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

export interface DiscoveryOptions {
  cwd: string;
  /** Honour `.gitignore` files and the configs' `ignorePatterns` (default true). */
  useIgnores: boolean;
  configFor(dir: string): Promise<LoadedConfig>;
  onError(error: FileError): void;
}

interface GitignoreLayer {
  dir: string;
  matcher: Ignore;
}

/**
 * The files `patterns` name, absolute and without duplicates, in argument order. A file is taken
 * as given; a directory is searched for Dockerfiles; a glob matches files (by Dockerfile name)
 * and searches the directories it matches. Missing paths and empty globs go to `onError`.
 */
export async function findFiles(patterns: readonly string[], options: DiscoveryOptions): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(options.cwd, pattern);
    let stats: Stats | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (isGlob(pattern) && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        const matches = await expandGlob(pattern.replace(/\\/g, '/'), options, found);
        if (matches === 0) options.onError(new FileError(`No files matching the pattern "${pattern}" were found.`, pattern));
        continue;
      }
      options.onError(new FileError(`${pattern}: ${describeIoError(error)}`, pattern));
      continue;
    }
    if (stats.isDirectory()) {
      await walk(absolute, ancestorLayers(absolute, options), options, (file) => {
        if (isDockerfileName(basename(file))) found.add(file);
      });
    } else if (!options.useIgnores || !(await options.configFor(dirname(absolute))).isIgnored(absolute, false)) {
      found.add(absolute);
    }
  }
  return [...found];
}

/** Add the files `pattern` matches to `found`; returns how many it matched. */
async function expandGlob(pattern: string, options: DiscoveryOptions, found: Set<string>): Promise<number> {
  const { base, rest } = splitGlob(pattern);
  const root = resolve(options.cwd, base || '.');
  if (!isDirectoryPath(root)) return 0;
  let matches = 0;
  const matcher = globToRegExp(rest);
  await walk(root, ancestorLayers(root, options), options, (file) => {
    const rel = toPosix(relative(root, file));
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (!isDockerfileName(name)) return;
    let inMatch = matcher.test(rel);
    // A matched directory is searched like a directory argument.
    for (let i = rel.indexOf('/'); !inMatch && i !== -1; i = rel.indexOf('/', i + 1)) inMatch = matcher.test(rel.slice(0, i));
    if (inMatch) {
      found.add(file);
      matches++;
    }
  });
  return matches;
}

async function walk(dir: string, layers: GitignoreLayer[], options: DiscoveryOptions, onFile: (file: string) => void): Promise<void> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    options.onError(new FileError(`Cannot read directory ${relativeOrAbsolute(options.cwd, dir)}: ${describeIoError(error)}`, dir));
    return;
  }
  // Most directories have no .gitignore: look in the listing rather than fail to read one.
  const here = options.useIgnores && entries.some((entry) => entry.name === '.gitignore') ? withGitignore(layers, dir) : layers;
  const config = options.useIgnores ? await options.configFor(dir) : null;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files; never links to directories (they can loop).
      isFile = isRegularFile(path);
      isDirectory = false;
    }
    if (!isDirectory && !isFile) continue;
    if (isDirectory && ALWAYS_SKIPPED.has(entry.name)) continue;
    if (config && (isGitignored(here, path, isDirectory) || config.isIgnored(path, isDirectory))) continue;
    if (isDirectory) await walk(path, here, options, onFile);
    else onFile(path);
  }
}

function withGitignore(layers: GitignoreLayer[], dir: string): GitignoreLayer[] {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return layers;
  }
  return [...layers, { dir, matcher: ignore().add(text) }];
}

/** Git's rule: a later (deeper) file's match decides, and `!pattern` re-includes. */
function isGitignored(layers: readonly GitignoreLayer[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = toPosix(relative(layer.dir, path)) + (isDirectory ? '/' : '');
    const result = layer.matcher.test(rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * The `.gitignore` files above `start` that apply to it: those from the enclosing Git work tree's
 * root down to `start`'s parent. None outside a work tree, and none when they ignore `start`
 * itself (it was asked for explicitly).
 */
function ancestorLayers(start: string, options: DiscoveryOptions): GitignoreLayer[] {
  if (!options.useIgnores) return [];
  const chain: string[] = [];
  for (let dir = start; !exists(join(dir, '.git')); ) {
    const parent = dirname(dir);
    if (parent === dir) return [];
    chain.unshift(parent);
    dir = parent;
  }
  let layers: GitignoreLayer[] = [];
  for (const dir of chain) layers = withGitignore(layers, dir);
  return isGitignored(layers, start, true) ? [] : layers;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectoryPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

export function relativeOrAbsolute(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
