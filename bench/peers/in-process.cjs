// Run a peer linter in-process over a list of files (one path a line in argv[3]) and print one
// JSON line: files, crashes, findings, the loop's wall and CPU milliseconds (module loading
// excluded; the caller times the whole process too).
'use strict';
const { readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');

const [tool, listFile] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);

const linters = {
  // dockerfilelint reads a .dockerfilelintrc from the directory given: an empty one has none.
  dockerfilelint: () => {
    const { run } = require('dockerfilelint');
    return (text) => run(tmpdir(), text).length;
  },
  'dockerfile-utils': () => {
    const { validate } = require('dockerfile-utils');
    return (text) => validate(text).length;
  },
};
const lint = linters[tool]?.();
if (!lint) throw new Error(`unknown tool ${tool}`);

const cpuBefore = process.cpuUsage();
const start = process.hrtime.bigint();
let crashes = 0;
let findings = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  try {
    findings += lint(text);
  } catch {
    crashes++;
  }
}
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ tool, files: files.length, crashes, findings, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
