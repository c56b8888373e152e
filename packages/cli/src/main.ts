/**
 * The command-line program: what `bin/dockerfile-opt.js` runs. scripts/bundle.mjs bundles this file
 * with everything it imports into dist/bundle/, so that start-up reads a few files instead of a
 * few hundred modules.
 */
import { setFlagsFromString } from 'node:v8';
import { execute } from './cli.js';

// The shell parser is WebAssembly. By default V8 recompiles it with TurboFan in the background,
// and Node waits for that work before exiting: seconds on a busy machine, for nothing, as one
// run parses little shell. Baseline (Liftoff) code only. The module is compiled later, when the
// first lint initialises the shell parser, so the flag is in time. (Compiling it eagerly,
// `--no-wasm-lazy-compilation`, made the first parse fast but cost more CPU in all.)
setFlagsFromString('--liftoff-only');

// A closed pipe (`dockerfile-opt ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await execute(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Only touched for --stdin: creating the stream costs time and can hold a terminal.
  get stdin() {
    return process.stdin;
  },
  cwd: process.cwd(),
  env: process.env,
});
