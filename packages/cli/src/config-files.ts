import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ConfigError, validateConfig, type Config, type RuleDefinition } from '@dockerfile-opt/core';
import { configFromHadolint, type FailureThreshold } from './hadolint.js';
import { ConfigFileError } from './types.js';

/** A config in force for some files, with where it came from. */
export interface LoadedConfig {
  /** The config file, or null for the defaults or a config given in code. */
  file: string | null;
  kind: 'dockerfile-opt' | 'hadolint' | 'default' | 'inline';
  /** Override `files` globs and `ignorePatterns` are relative to this directory. */
  dir: string;
  config: Config;
  /** Set by a hadolint config's `failure-threshold`; otherwise errors fail the run. */
  failureThreshold?: FailureThreshold;
  /** Whether `ignorePatterns` exclude `absolutePath`. */
  isIgnored(absolutePath: string, isDirectory: boolean): boolean;
}

const OWN_FILES = ['.dockerfile-opt.json', '.dockerfile-opt.yaml', '.dockerfile-opt.yml'];
const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const PACKAGE_KEY = 'dockerfile-opt';

/** Build a LoadedConfig for a config object (validated by the caller). */
export function makeLoadedConfig(config: Config, dir: string, file: string | null, kind: LoadedConfig['kind'], failureThreshold?: FailureThreshold): LoadedConfig {
  let matcher: Ignore | null | undefined;
  const loaded: LoadedConfig = {
    file,
    kind,
    dir,
    config,
    isIgnored(absolutePath, isDirectory) {
      if (matcher === undefined) matcher = config.ignorePatterns?.length ? ignore().add(config.ignorePatterns) : null;
      if (matcher === null) return false;
      const rel = relative(dir, absolutePath);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
      return matcher.ignores(toPosix(rel) + (isDirectory ? '/' : ''));
    },
  };
  if (failureThreshold) loaded.failureThreshold = failureThreshold;
  return loaded;
}

/**
 * Finds and loads config files: for a directory, the nearest `.dockerfile-opt.json|yaml|yml` or
 * package.json with a `dockerfile-opt` key at or above it; when there is none up to the file
 * system root, the nearest `.hadolint.yaml|yml`; otherwise the defaults.
 */
export class ConfigLoader {
  private readonly ownByDir = new Map<string, string | null>();
  private readonly hadolintByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly packageConfigs = new Map<string, unknown>();

  constructor(
    private readonly rules: readonly RuleDefinition[],
    private readonly defaults: LoadedConfig,
  ) {}

  /** The config for files in `dir` (absolute). */
  forDirectory(dir: string): Promise<LoadedConfig> {
    const file = this.nearest(dir, this.ownByDir, (d) => this.ownConfigIn(d)) ?? this.nearest(dir, this.hadolintByDir, (d) => firstFile(d, HADOLINT_FILES));
    if (file === null) return Promise.resolve(this.defaults);
    let promise = this.loaded.get(file);
    if (!promise) {
      promise = loadConfigFile(file, this.rules, this.packageConfigs.get(file));
      this.loaded.set(file, promise);
    }
    return promise;
  }

  private nearest(dir: string, cache: Map<string, string | null>, find: (dir: string) => string | null): string | null {
    const cached = cache.get(dir);
    if (cached !== undefined) return cached;
    const parent = dirname(dir);
    const found = find(dir) ?? (parent === dir ? null : this.nearest(parent, cache, find));
    cache.set(dir, found);
    return found;
  }

  private ownConfigIn(dir: string): string | null {
    const own = firstFile(dir, OWN_FILES);
    if (own) return own;
    const pkg = join(dir, 'package.json');
    if (!isFile(pkg)) return null;
    try {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as unknown;
      if (typeof json === 'object' && json !== null && PACKAGE_KEY in json) {
        this.packageConfigs.set(pkg, (json as Record<string, unknown>)[PACKAGE_KEY]);
        return pkg;
      }
    } catch {
      // A package.json we cannot read or parse is not a config of ours; npm will complain about it.
    }
    return null;
  }
}

/**
 * Load and validate one config file: ours (JSON, YAML, package.json key) or hadolint's (by name).
 * Throws a `ConfigFileError` naming the file and the key at fault.
 */
export async function loadConfigFile(file: string, rules: readonly RuleDefinition[], packageConfig?: unknown): Promise<LoadedConfig> {
  const name = basename(file).toLowerCase();
  const dir = dirname(file);
  const isPackage = name === 'package.json';
  let text = '';
  if (!isPackage || packageConfig === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigFileError(`Cannot read config file ${file}: ${describeIoError(error)}`, file);
    }
  }
  const isYaml = /\.ya?ml$/.test(name);
  let raw: unknown;
  try {
    if (isYaml) {
      const { parse } = await import('yaml');
      raw = parse(text) as unknown;
    } else if (isPackage) {
      raw = packageConfig !== undefined ? packageConfig : (JSON.parse(text) as Record<string, unknown>)[PACKAGE_KEY];
    } else {
      raw = JSON.parse(text) as unknown;
    }
  } catch (error) {
    const message = (error as Error).message.replace(/\n\s*\n/g, '\n').trimEnd();
    throw new ConfigFileError(`Invalid config file ${file}: ${message}`, file);
  }
  const keyPrefix = isPackage ? `${PACKAGE_KEY}.` : '';
  try {
    if (name.includes('hadolint')) {
      const mapping = configFromHadolint(raw, rules);
      return makeLoadedConfig(mapping.config, dir, file, 'hadolint', mapping.failureThreshold);
    }
    // An empty YAML file is an empty config.
    const config = raw === null && isYaml ? {} : raw;
    validateConfig(config, new Map(rules.map((r) => [r.id, r])));
    return makeLoadedConfig(config, dir, file, 'dockerfile-opt');
  } catch (error) {
    if (error instanceof ConfigError) {
      const key = error.key === undefined ? undefined : keyPrefix + error.key;
      throw new ConfigFileError(`Invalid config file ${file}: ${keyPrefix}${error.message}`, file, key);
    }
    throw error;
  }
}

function firstFile(dir: string, names: readonly string[]): string | null {
  for (const name of names) {
    const path = join(dir, name);
    if (isFile(path)) return path;
  }
  return null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message;
  }
}
