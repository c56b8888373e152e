#!/usr/bin/env node
// Scaling benchmark: lint generated Dockerfiles of 1k, 5k and 20k lines in-process with every
// rule on, and check that time grows linearly (time per 1,000 lines stays flat). Run `pnpm build` first.
// Usage: pnpm bench:scaling [runs]
import { initShellParser, lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { machine, ratio, table } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const SIZES = [1000, 5000, 20000];

/**
 * A multi-stage Dockerfile of about `lines` lines: stages of realistic instructions (comments,
 * ARG/ENV, continued RUN lines with distinct bodies, COPY --from, heredocs), so that every rule has
 * work and nothing is repeated verbatim (the shell cache would hide parse costs).
 */
function generate(lines) {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:bookworm-slim'];
  for (let stage = 0; out.length < lines; stage++) {
    out.push(
      '',
      `# stage ${stage}`,
      `FROM \${BASE} AS stage${stage}`,
      `ARG VERSION_${stage}=1.${stage}.0`,
      `ENV APP_HOME=/opt/app${stage} PATH=/opt/app${stage}/bin:$PATH`,
      `WORKDIR /opt/app${stage}`,
      'RUN set -eux; \\',
      '    apt-get update; \\',
      `    apt-get install -y --no-install-recommends curl ca-certificates pkg${stage}; \\`,
      `    curl -fsSL https://example.com/v\${VERSION_${stage}}/tool.tgz | tar -xz -C /usr/local/bin; \\`,
      '    rm -rf /var/lib/apt/lists/*',
      `COPY package${stage}.json ./`,
      `RUN npm ci --omit=dev && echo stage ${stage} > /opt/app${stage}/built`,
      `COPY --from=stage${Math.max(stage - 1, 0)} /opt/app${Math.max(stage - 1, 0)} /opt/previous`,
      'RUN <<EOF',
      `echo "heredoc ${stage}" > /etc/stage`,
      `chmod 0644 /etc/stage`,
      'EOF',
      `USER app${stage}`,
      `EXPOSE ${3000 + (stage % 1000)}`,
    );
  }
  out.push('CMD ["node", "server.js"]', '');
  return out.join('\n');
}

await initShellParser();
const config = { extends: 'all' };
// Warm up the JIT so that the first size does not pay for compilation.
for (let i = 0; i < 3; i++) lintWithRules(generate(SIZES[0]), rules, { config });

console.log(machine());
console.log(`${rules.length} rules, all on; ${runs} runs per size, fastest CPU time kept\n`);
const rows = [];
for (const size of SIZES) {
  const text = generate(size);
  const lineCount = text.split('\n').length;
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    findings = lintWithRules(text, rules, { config }).result.messages.length;
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  rows.push({ size, lineCount, ms: best, findings });
}
const first = rows[0];
console.log(table(
  ['lines', 'findings', 'CPU ms', 'ms per 1k lines', 'relative to 1k'],
  rows.map((r) => [r.lineCount, r.findings, r.ms.toFixed(0), ((r.ms * 1000) / r.lineCount).toFixed(1), ratio(r.ms / r.lineCount, first.ms / first.lineCount)]),
));
const last = rows.at(-1);
const growth = last.ms / last.lineCount / (first.ms / first.lineCount);
console.log(`\ntime per line at ${last.lineCount} lines / at ${first.lineCount}: ${growth.toFixed(2)}× (linear: about 1×; quadratic would be ~${(last.lineCount / first.lineCount).toFixed(0)}×)`);
