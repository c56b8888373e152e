/**
 * Loading the shell parser (tree-sitter-bash, WebAssembly) only when a file needs it. Most RUN
 * bodies are read by core's own shell scanner; a script it does not handle makes `parseShell` throw
 * `ShellParserNotReady`, and the file is linted again once tree-sitter is loaded. A run whose files
 * never need it never pays for loading it.
 */
import { initShellParser, isShellParserReady, ShellParserNotReady } from '@dockerfile-opt/core';
import { lintSource, type EngineOptions, type LintOutcome, type SourceToLint } from './engine.js';

let baselineWasm = false;

/**
 * For the command-line program only: have V8 compile WebAssembly with its baseline compiler
 * (Liftoff) alone. By default V8 recompiles the shell parser with TurboFan in the background and
 * Node waits for that work before exiting: seconds on a busy machine, for nothing, as one run
 * parses little shell. (Compiling eagerly, `--no-wasm-lazy-compilation`, made the first parse
 * fast but cost more CPU in all.) V8 flags are process-wide, which is why a library leaves them be.
 */
export function useBaselineWasm(): void {
  baselineWasm = true;
}

let flagsSet = false;

/** Set the WebAssembly flags `useBaselineWasm` asked for; before any worker thread compiles the parser too. */
export async function prepareWasmCompiler(): Promise<void> {
  if (!baselineWasm || flagsSet) return;
  flagsSet = true;
  // Imported here, not at start-up: node:v8 brings the heap-snapshot and stream modules with it.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
}

export async function loadShellParser(): Promise<void> {
  if (isShellParserReady()) return;
  await prepareWasmCompiler();
  await initShellParser();
}

/** `lintSource`, loading the shell parser and linting again if the file turns out to need it. */
export async function lintSourceLoadingShell(source: SourceToLint, options: EngineOptions): Promise<LintOutcome> {
  try {
    return lintSource(source, options);
  } catch (error) {
    if (!(error instanceof ShellParserNotReady)) throw error;
  }
  await loadShellParser();
  return lintSource(source, options);
}
