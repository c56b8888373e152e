/**
 * The command-line program: what `bin/dockerfile-opt.js` runs. scripts/bundle.mjs bundles this file
 * with everything it imports into dist/bundle/, so that start-up reads a few files instead of a
 * few hundred modules.
 */
import { execute } from './cli.js';
import { useBaselineWasm } from './shell-parser.js';

// The shell parser's WebAssembly, if a file needs it, is compiled with V8's baseline compiler only.
useBaselineWasm();

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
