// Shared helpers of the benchmarks: the corpus, timing a command with /usr/bin/time, tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const CLI = fileURLToPath(new URL('../packages/cli/bin/dockerfile-opt.js', import.meta.url));
export const CORPUS = process.env.CORPUS ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url));

/** The corpus files (absolute paths) listed in MANIFEST.tsv, optionally only those under `subdir`. */
export function corpusFiles(subdir = '') {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((row) => row.split('\t')[0]).filter((path) => path.startsWith(subdir)).map((path) => join(CORPUS, path));
}

/** A scratch directory with a config that turns every rule on, for `dockerfile-opt -c`. */
export function allRulesConfig() {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-opt-bench-'));
  const file = join(dir, '.dockerfile-opt.json');
  writeFileSync(file, JSON.stringify({ extends: 'all' }));
  return file;
}

/**
 * Run a command under `/usr/bin/time`: wall seconds, user+sys CPU seconds and peak RSS (MiB) of
 * the whole process, start-up and exit included. Output goes to /dev/null unless `capture`.
 */
export function timed(command, args, { capture = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, command, ...args], {
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
  const [wall, user, sys, maxKb] = (lines.at(-1) ?? '').split(' ').map(Number);
  return { wall, cpu: user + sys, rssMiB: maxKb / 1024, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The run with the median CPU time (the machine is shared: CPU time is steadier than wall time). */
export function medianByCpu(results) {
  return [...results].sort((a, b) => a.cpu - b.cpu)[Math.floor(results.length / 2)];
}

export function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown';
  const [one, five] = loadavg();
  return `${new Date().toISOString()} | node ${process.version} | ${cpus().length} × ${cpu} | ` +
    `RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free) | load ${one.toFixed(1)} / ${five.toFixed(1)}`;
}

export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const seconds = (s) => s.toFixed(2);
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
