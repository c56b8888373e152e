#!/usr/bin/env node
// Whole-corpus benchmark: our CLI (all rules, start-up included) on the corpus directory, against
// dockerfilelint and dockerfile-utils run in-process over the same files (their process timed too),
// then tally's CLI and ours on one repository's files. Run `pnpm build` first.
// Usage: pnpm bench:corpus [runs]   (CORPUS=<dir> to use another corpus; TALLY_SUBSET=<repo dir>)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRulesConfig, BENCH_DIR, CLI, CORPUS, corpusFiles, machine, medianByCpu, ratio, seconds, table, timed } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const config = allRulesConfig();
const scratch = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
const files = corpusFiles();
const listFile = join(scratch, 'files.txt');
writeFileSync(listFile, files.join('\n'));

console.log(machine());
console.log(`corpus: ${CORPUS} (${files.length} files), ${runs} runs each, median by CPU time\n`);

// As a user runs it (one thread), and on two worker threads.
const ours = (extra) => () => {
  const report = join(scratch, 'ours.json');
  const run = timed(process.execPath, [CLI, '-c', config, ...extra, '--format', 'json', '-o', report, CORPUS]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`dockerfile-opt failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const findings = results.reduce((sum, r) => sum + r.messages.length, 0);
  const crashes = results.reduce((sum, r) => sum + r.messages.filter((m) => m.fatal && m.ruleId !== null).length, 0);
  return { ...run, files: results.length, findings, crashes, loop: null };
};
const peer = (tool) => () => {
  const run = timed(process.execPath, [join(BENCH_DIR, 'peers/in-process.cjs'), tool, listFile], { capture: true });
  if (run.status !== 0) throw new Error(`${tool} failed (${run.status}): ${run.stderr}`);
  const loop = JSON.parse(run.stdout.trim().split('\n').at(-1));
  return { ...run, files: loop.files, findings: loop.findings, crashes: loop.crashes, loop };
};

// Interleaved, so that a change in the machine's load hits every tool alike.
const tools = {
  'dockerfile-opt (CLI)': ours([]),
  'dockerfile-opt (CLI, --concurrency 2)': ours(['--concurrency', '2']),
  dockerfilelint: peer('dockerfilelint'),
  'dockerfile-utils': peer('dockerfile-utils'),
};
const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(tools)) samples[name].push(run());
const results = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, medianByCpu(list)]));

const rows = Object.entries(results).map(([name, r]) => [
  name,
  r.files,
  r.findings,
  r.crashes,
  seconds(r.wall),
  seconds(r.cpu),
  r.loop ? `${seconds(r.loop.wallMs / 1000)} / ${seconds(r.loop.cpuMs / 1000)}` : '-',
  r.rssMiB.toFixed(0),
]);
console.log(table(['tool', 'files', 'findings', 'crashes', 'wall s', 'CPU s', 'in-process loop wall / CPU s', 'peak RSS MiB'], rows));

const us = results['dockerfile-opt (CLI)'];
console.log('\nratios, dockerfile-opt (whole process) against:');
console.log(table(
  ['dockerfile-opt', 'peer', 'wall', 'CPU', 'wall vs loop only', 'CPU vs loop only'],
  ['dockerfile-opt (CLI)', 'dockerfile-opt (CLI, --concurrency 2)'].flatMap((ourName) =>
    ['dockerfilelint', 'dockerfile-utils'].map((name) => {
      const o = results[ourName];
      const p = results[name];
      return [ourName.replace('dockerfile-opt ', ''), name, ratio(o.wall, p.wall), ratio(o.cpu, p.cpu), ratio(o.wall, p.loop.wallMs / 1000), ratio(o.cpu, p.loop.cpuMs / 1000)];
    }),
  ),
));
console.log(`goals: wall ≤ 1.0× dockerfilelint: ${us.wall <= results.dockerfilelint.wall ? 'met' : 'NOT met'}; peak RSS ≤ 150 MiB: ${us.rssMiB <= 150 ? 'met' : 'NOT met'} (${us.rssMiB.toFixed(0)} MiB)`);

// tally (Go) on one repository's files, both tools as CLIs.
const subset = process.env.TALLY_SUBSET ?? 'docker-library__python';
const subsetFiles = corpusFiles(`${subset}/`);
const tally = join(BENCH_DIR, 'node_modules/@wharflab/tally-linux-x64/bin/tally');
const subsetTools = {
  'dockerfile-opt (CLI)': () => timed(process.execPath, [CLI, '-c', config, '--format', 'json', ...subsetFiles]),
  // No config discovery, no registry look-ups (slow checks need the network), JSON like ours.
  'tally 0.45.0 (CLI)': () => timed(tally, ['lint', '--no-config', '--slow-checks', 'off', '--format', 'json', ...subsetFiles]),
};
const subsetSamples = Object.fromEntries(Object.keys(subsetTools).map((name) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(subsetTools)) subsetSamples[name].push(run());
const subsetResults = Object.entries(subsetSamples).map(([name, list]) => [name, medianByCpu(list)]);
console.log(`\n${subset}: ${subsetFiles.length} files`);
console.log(table(['tool', 'exit', 'wall s', 'CPU s', 'peak RSS MiB'], subsetResults.map(([name, r]) => [name, r.status, seconds(r.wall), seconds(r.cpu), r.rssMiB.toFixed(0)])));
const [[, mine], [, theirs]] = subsetResults;
console.log(`ratio dockerfile-opt / tally: wall ${ratio(mine.wall, theirs.wall)}, CPU ${ratio(mine.cpu, theirs.cpu)}, peak RSS ${ratio(mine.rssMiB, theirs.rssMiB)}`);
