#!/usr/bin/env node
// Summarise a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time,
// and the total time spent under each file (inclusive), to see where a run goes.
// Usage: node bench/profile-top.mjs <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [count]');
  process.exit(2);
}
const count = Number(countArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Sample intervals in microseconds, attributed to the sampled (leaf) node.
const selfTime = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '~/').replace(/.*\/work\/main\//, '');
const label = (frame) => `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;

const selfByFunction = new Map();
for (const [id, time] of selfTime) {
  const key = label(byId.get(id).callFrame);
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + time);
}

// Inclusive time per file: a sample counts once for every distinct file on its stack.
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusiveByFile = new Map();
for (const [id, time] of selfTime) {
  const files = new Set();
  for (let n = id; n !== undefined; n = parentOf.get(n)) files.add(shortUrl(byId.get(n).callFrame.url) || '(native)');
  for (const f of files) inclusiveByFile.set(f, (inclusiveByFile.get(f) ?? 0) + time);
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5);
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${ms(time)} ms ${pct(time)} %  ${key}`);
};
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
print('self time by function', selfByFunction);
print('inclusive time by file', inclusiveByFile);
