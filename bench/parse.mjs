#!/usr/bin/env node
// Parse-only benchmark: CPU time of parsing every corpus file with the scanner
// (packages/core/src/parse) against the dockerfile-ast based builder it replaced, kept as test code
// (packages/core/test/legacy). Both are compiled by the same tsc into a scratch directory inside
// packages/core (so that dockerfile-ast resolves), run in one process, interleaved, after a
// warm-up round; the median CPU time is kept.
// Usage: node --expose-gc bench/parse.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles, machine, table } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 5);
const core = fileURLToPath(new URL('../packages/core/', import.meta.url));
const out = mkdtempSync(join(core, '.bench-parse-'));
let scanner;
let legacy;
try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const sources = [join(core, 'src/parse/parse.ts'), join(core, 'test/legacy/parse-dockerfile-ast.ts')];
  const options = ['--ignoreConfig', '--outDir', out, '--rootDir', core, '--target', 'es2023', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
  execFileSync(process.execPath, [tsc, ...options, ...sources], { stdio: 'inherit' });
  scanner = await import(pathToFileURL(join(out, 'src/parse/parse.js')).href);
  legacy = await import(pathToFileURL(join(out, 'test/legacy/parse-dockerfile-ast.js')).href);
} finally {
  if (out.startsWith(join(core, '.bench-parse-'))) rmSync(out, { recursive: true, force: true });
}
const texts = corpusFiles().map((path) => readFileSync(path, 'utf8'));
const parsers = { 'scanner (src/parse)': scanner.parseDockerfile, 'dockerfile-ast 0.7.1 + builder (legacy)': legacy.parseDockerfile };

/** CPU seconds (user+sys) of one pass over the corpus; the trees are dropped as they come, as the CLI does. */
function pass(parse) {
  globalThis.gc?.();
  const start = process.cpuUsage();
  let instructions = 0;
  for (const text of texts) instructions += parse(text).instructions.length;
  const used = process.cpuUsage(start);
  if (instructions === 0) throw new Error('nothing parsed');
  return (used.user + used.system) / 1e6;
}

/** MiB of heap that the trees of the whole corpus hold when all are kept. */
function retained(parse) {
  if (!globalThis.gc) return null;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const trees = texts.map((text) => parse(text));
  globalThis.gc();
  const mib = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  return trees.length > 0 ? mib : null;
}

const samples = Object.fromEntries(Object.keys(parsers).map((name) => [name, []]));
for (const parse of Object.values(parsers)) pass(parse); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const [name, parse] of Object.entries(parsers)) samples[name].push(pass(parse));
}
const median = (runs) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
console.log(machine());
console.log(`${texts.length} files, ${rounds} rounds after a warm-up round, median CPU kept${globalThis.gc ? '' : '; run with --expose-gc for the heap column'}`);
const rows = Object.entries(samples).map(([name, runs]) => {
  const heap = retained(parsers[name]);
  return [name, median(runs).toFixed(2), runs.map((r) => r.toFixed(2)).join(' '), heap === null ? '-' : heap.toFixed(0)];
});
console.log(table(['parser', 'CPU s', 'all rounds', 'heap of all trees MiB'], rows));
const [fast, slow] = Object.values(samples).map(median);
console.log(`scanner: ${(slow / fast).toFixed(1)}× less CPU than the legacy parser`);
