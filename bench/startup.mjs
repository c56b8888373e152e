#!/usr/bin/env node
// Start-up benchmark: our CLI on one Dockerfile (all rules) against a bare `node -e 0`, and the
// peers' CLIs on the same file for context. Run `pnpm build` first.
// Usage: pnpm bench:startup [runs] [file]
import { join } from 'node:path';
import { allRulesConfig, BENCH_DIR, CLI, CORPUS, machine, medianByCpu, ratio, seconds, table, timed } from './lib.mjs';

const runs = Number(process.argv[2] ?? 10);
const file = process.argv[3] ?? join(CORPUS, 'docker-library__python/3.13/bookworm/Dockerfile');
const config = allRulesConfig();
const bin = (name) => join(BENCH_DIR, 'node_modules/.bin', name);

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'dockerfile-opt (all rules)': [process.execPath, [CLI, '-c', config, file]],
  'dockerfile-opt --version': [process.execPath, [CLI, '--version']],
  dockerfilelint: [bin('dockerfilelint'), [file]],
  'dockerfile-utils lint': [bin('dockerfile-utils'), ['lint', file]],
};

console.log(machine());
console.log(`file: ${file}, ${runs} runs each (interleaved), median by CPU time\n`);
const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, [command, args]] of Object.entries(commands)) samples[name].push(timed(command, args));
const results = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, medianByCpu(list)]));
const minWall = (name) => Math.min(...samples[name].map((r) => r.wall));

const base = results['node -e 0'];
console.log(table(
  ['command', 'wall s (median run)', 'wall s (fastest run)', 'CPU s', 'peak RSS MiB', 'CPU / node -e 0'],
  Object.entries(results).map(([name, r]) => [name, seconds(r.wall), seconds(minWall(name)), seconds(r.cpu), r.rssMiB.toFixed(0), ratio(r.cpu, base.cpu)]),
));
const ours = results['dockerfile-opt (all rules)'];
console.log(`\ndockerfile-opt / node -e 0: CPU ${ratio(ours.cpu, base.cpu)}, wall (median runs) ${ratio(ours.wall, base.wall)}, wall (fastest runs) ${ratio(minWall('dockerfile-opt (all rules)'), minWall('node -e 0'))}; goal ≤ 1.5×`);
