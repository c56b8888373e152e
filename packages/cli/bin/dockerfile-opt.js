#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// The shell parser is WebAssembly. By default V8 recompiles it with TurboFan in the background,
// and Node waits for that work before exiting: seconds on a busy machine, for nothing, as one
// run parses little shell. Baseline (Liftoff) code only; set before the module is compiled.
setFlagsFromString('--liftoff-only');

const { execute } = await import('../dist/cli.js');

// A closed pipe (`dockerfile-opt ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
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
