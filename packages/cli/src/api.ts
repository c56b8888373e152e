import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validateConfig, ConfigError, type Config, type RuleSetting } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { ConfigLoader, describeIoError, loadConfigFile, makeLoadedConfig, type LoadedConfig } from './config-files.js';
import { findFiles } from './discovery.js';
import { checkRuleSettings, type LintOutcome } from './engine.js';
import { lintSourceLoadingShell, prepareWasmCompiler } from './shell-parser.js';
import { ConfigFileError, FileError, type LintResult } from './types.js';
import { lintInWorkers, threadCount, type Concurrency } from './workers.js';
import { writeFileAtomic } from './write.js';

export interface LintTextOptions {
  /**
   * Path of the Dockerfile the text belongs to (relative to `cwd`). It names the result, is
   * matched against config overrides, locates the config file (when `config` is not given) and
   * lets rules read the build context next to it.
   */
  filePath?: string;
  /** Use this config instead of looking for a config file. Validated; a bad one throws. */
  config?: Config;
  /** Base of a relative `filePath` (default `process.cwd()`). */
  cwd?: string;
}

export interface FixTextOptions extends LintTextOptions {
  /** Apply unsafe fixes too (multi-stage rewrites, reordering, ...), like `--unsafe-fixes`. */
  unsafe?: boolean;
}

export interface LintFilesOptions {
  /** Base of relative patterns (default `process.cwd()`). */
  cwd?: string;
  /** Use this config for every file instead of looking for config files. */
  config?: Config;
  /** Use this config file (ours, or a `.hadolint.yaml`) for every file. */
  configFile?: string;
  /** Rule settings applied over every config, like `--rule id:severity`. */
  rules?: Record<string, RuleSetting>;
  /** Compute fixes; results carry `output` when a file changed. Nothing is written: see `outputFixes`. */
  fix?: boolean;
  /** Apply unsafe fixes too (implies `fix`). */
  unsafeFixes?: boolean;
  /** Honour `.gitignore` files and `ignorePatterns` (default true). */
  ignore?: boolean;
  /**
   * Errors only: `run` runs only error-severity rules; `report` runs every rule but leaves
   * warnings out of the results (the outcomes still count them, for `--max-warnings`).
   */
  errorsOnly?: 'run' | 'report';
  /**
   * Called for a missing or unreadable file, or a glob that matches nothing; linting goes on.
   * Without it, the first such problem is thrown as a `FileError` once the others are linted.
   */
  onError?: (error: FileError) => void;
  /**
   * Lint on worker threads: a number of threads, `auto` (one per core, when there are enough
   * files to pay for their start-up) or `off` (the default: in the calling thread).
   */
  concurrency?: Concurrency;
}

const originals = new WeakMap<LintResult, string>();

/**
 * Lint a Dockerfile's text. With `filePath` and no `config`, the config file is looked up from
 * the file's directory as the CLI does.
 *
 * @example
 * const result = await lintText('FROM node\nWORKDIR app\n', { filePath: 'Dockerfile' });
 * for (const m of result.messages) console.log(m.line, m.ruleId, m.message);
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  return (await lintTextOutcome(text, options)).result;
}

/**
 * Fix a Dockerfile's text: safe fixes, plus unsafe ones with `unsafe: true`. The result's
 * `output` is the fixed text (the input itself when nothing changed); its messages are what
 * remains in the fixed text.
 */
export async function fixText(text: string, options: FixTextOptions = {}): Promise<LintResult & { output: string }> {
  const { result } = await lintTextOutcome(text, { ...options, fix: true });
  return { ...result, output: result.output ?? text };
}

/**
 * Lint files, directories (searched for Dockerfiles, honouring `.gitignore`) and globs, each
 * under its nearest config file. Results come in discovery order.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  return (await lintFileOutcomes(patterns, options)).map((o) => o.result);
}

/**
 * Write the `output` of results (from `lintFiles` with `fix`) back to their files, atomically,
 * keeping each file's mode. A file that changed on disk since it was linted is left alone.
 * Returns the problems, one per file that could not be written.
 */
export function outputFixes(results: readonly LintResult[]): FileError[] {
  const problems: FileError[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    try {
      writeFileAtomic(result.filePath, result.output, originals.get(result));
    } catch (error) {
      problems.push(new FileError(`Cannot write fixes to ${result.filePath}: ${describeIoError(error)}`, result.filePath));
    }
  }
  return problems;
}

/** `lintFiles` with the details the CLI uses. */
export async function lintFileOutcomes(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintOutcome[]> {
  const outcomes: LintOutcome[] = [];
  for await (const outcome of eachFileOutcome(patterns, options)) outcomes.push(outcome);
  return outcomes;
}

/**
 * `lintFileOutcomes` one file at a time: each file is linted when the caller asks for the next
 * outcome (or, on worker threads, handed over in order as soon as it is in), so a caller that
 * formats and drops them never holds every result.
 */
export async function* eachFileOutcome(patterns: readonly string[], options: LintFilesOptions = {}): AsyncGenerator<LintOutcome, void, undefined> {
  const concurrency = options.concurrency ?? 'off';
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.rules) checkRuleSettings(options.rules, rules);
  const configFor = await configSource(cwd, options.config, options.configFile);
  let firstError: FileError | undefined;
  const onError = options.onError ?? ((error: FileError) => (firstError ??= error));
  const files = await findFiles(patterns.length > 0 ? patterns : ['.'], { cwd, useIgnores: options.ignore ?? true, configFor, onError });
  const fix = (options.fix ?? false) || (options.unsafeFixes ?? false);
  const threads = threadCount(concurrency, files.length);
  if (threads > 1) {
    const workerOptions = { ruleSettings: options.rules, errorsOnly: options.errorsOnly, fix, unsafe: options.unsafeFixes };
    await prepareWasmCompiler();
    for await (const answer of lintInWorkers(files, (path) => configFor(dirname(path)), workerOptions, threads)) {
      const path = files[answer.index] as string;
      if (answer.kind === 'unreadable') {
        onError(new FileError(`${path}: ${answer.reason}`, path));
        continue;
      }
      if (answer.kind !== 'linted') continue;
      if (answer.original !== undefined) originals.set(answer.outcome.result, answer.original);
      yield answer.outcome;
    }
    if (firstError) throw firstError;
    return;
  }
  // One object for the run: resolved configs are reused for the same config and options.
  const engineOptions = { rules, ruleSettings: options.rules, errorsOnly: options.errorsOnly, fix, unsafe: options.unsafeFixes };
  for (const path of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      onError(new FileError(`${path}: ${describeIoError(error)}`, path));
      continue;
    }
    const outcome = await lintSourceLoadingShell(
      { text, path, name: path, config: await configFor(dirname(path)) },
      engineOptions,
    );
    originals.set(outcome.result, text);
    yield outcome;
  }
  if (firstError) throw firstError;
}

/** Where configs come from: one given config (object or file) for everything, or a lookup per directory. */
export async function configSource(cwd: string, config?: Config, configFile?: string): Promise<(dir: string) => Promise<LoadedConfig>> {
  if (config !== undefined) {
    const fixed = makeLoadedConfig(checkedConfig(config), cwd, null, 'inline');
    return () => Promise.resolve(fixed);
  }
  if (configFile !== undefined) {
    const fixed = await loadConfigFile(resolve(cwd, configFile), rules);
    return () => Promise.resolve(fixed);
  }
  const loader = new ConfigLoader(rules, makeLoadedConfig({}, cwd, null, 'default'));
  return (dir) => loader.forDirectory(dir);
}

function checkedConfig(config: Config): Config {
  try {
    validateConfig(config, new Map(rules.map((r) => [r.id, r])));
    return config;
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigFileError(`Invalid config: ${error.message}`, null, error.key);
    throw error;
  }
}

export interface TextRunOptions extends FixTextOptions {
  configFile?: string;
  fix?: boolean;
  rules?: Record<string, RuleSetting>;
  errorsOnly?: 'run' | 'report';
  /** `filePath` of the result when there is no `filePath` (default `<text>`). */
  name?: string;
}

/** `lintText` / `fixText` with the details the CLI uses for standard input. */
export async function lintTextOutcome(text: string, options: TextRunOptions): Promise<LintOutcome> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.rules) checkRuleSettings(options.rules, rules);
  const path = options.filePath === undefined ? null : resolve(cwd, options.filePath);
  const configFor = await configSource(cwd, options.config, options.configFile);
  const config = await configFor(path ? dirname(path) : cwd);
  return lintSourceLoadingShell(
    { text, path, name: options.name ?? '<text>', config },
    { rules, ruleSettings: options.rules, errorsOnly: options.errorsOnly, fix: options.fix ?? false, unsafe: options.unsafe ?? false },
  );
}
