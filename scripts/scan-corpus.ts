/**
 * Lint the shared real-world corpus with some rules and print their findings, to look for false
 * positives: `pnpm scan [rule-id ...] [--dir path] [--limit n]` (all rules when none is named).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { initShellParser, lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';

const argv = process.argv.slice(2);
const dirIndex = argv.indexOf('--dir');
const dir = dirIndex >= 0 ? (argv[dirIndex + 1] as string) : new URL('../../shared/corpus', import.meta.url).pathname;
const limitIndex = argv.indexOf('--limit');
const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Infinity;
const ids = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--dir' && argv[i - 1] !== '--limit');
const selected = ids.length > 0 ? rules.filter((r) => ids.includes(r.id)) : rules;
if (ids.length > 0 && selected.length !== ids.length) {
  console.error(`unknown rule id among: ${ids.join(', ')}`);
  process.exit(2);
}

function* dockerfiles(root: string): Generator<string> {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) yield* dockerfiles(path);
    else if (/dockerfile|containerfile/i.test(name)) yield path;
  }
}

await initShellParser();
const counts = new Map<string, number>();
let printed = 0;
for (const file of dockerfiles(dir)) {
  const text = readFileSync(file, 'utf8');
  const config = { extends: 'none' as const, rules: Object.fromEntries(selected.map((r) => [r.id, 'warn' as const])) };
  const { result } = lintWithRules(text, selected, { config, filePath: file });
  for (const m of result.messages) {
    const key = m.ruleId ?? 'parse-error';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (printed++ < limit) {
      console.log(`${relative(dir, file)}:${m.line}:${m.column} ${key} ${m.message} [${text.slice(m.range[0], m.range[1]).slice(0, 80)}]`);
    }
  }
}
console.log('\ncounts:', Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])));
