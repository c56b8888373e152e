import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rules, rulesById } from './index.js';
import { BUILDKIT_CHECKS, HADOLINT_CODES, coverage, renderRulesDoc } from '../scripts/rules-doc.js';

const rulesDir = new URL('.', import.meta.url);
const ruleFolders = readdirSync(rulesDir).filter(
  (name) => !name.startsWith('_') && !['knowledge', 'dist', 'node_modules'].includes(name) && statSync(new URL(name, rulesDir)).isDirectory(),
);

describe('the rule catalogue', () => {
  test('every rule folder holds a registered rule of the same id, and ids are unique', () => {
    expect([...ruleFolders].sort()).toEqual(rules.map((r) => r.id).sort());
    expect(rulesById.size).toBe(rules.length);
  });

  test('every rule has a README with the house sections and a test file', () => {
    const missing: string[] = [];
    for (const rule of rules) {
      const readme = new URL(`${rule.id}/README.md`, rulesDir);
      if (!existsSync(readme)) {
        missing.push(`${rule.id}: no README.md`);
        continue;
      }
      const text = readFileSync(readme, 'utf8');
      for (const heading of [`# ${rule.id}`, '## Why', '## Examples', '## Options', '## Fix safety', '## Related']) {
        if (!text.split(/\r?\n/).includes(heading)) missing.push(`${rule.id}: README lacks "${heading}"`);
      }
      if (!existsSync(new URL(`${rule.id}/${rule.id}.test.ts`, rulesDir))) missing.push(`${rule.id}: no ${rule.id}.test.ts`);
    }
    expect(missing).toEqual([]);
  });

  test('metadata is complete: messages, a description, fix safety for fixable rules, known sources', () => {
    const known = new Set<string>([...HADOLINT_CODES, ...BUILDKIT_CHECKS]);
    const problems: string[] = [];
    for (const { id, meta } of rules) {
      if (!meta.description.trim()) problems.push(`${id}: empty description`);
      if (Object.keys(meta.messages).length === 0) problems.push(`${id}: no messages`);
      if (meta.fixable !== 'none' && !meta.fixSafety) problems.push(`${id}: fixable without fixSafety`);
      for (const source of meta.sources ?? []) {
        if (/^DL\d{4}$/.test(source) || /^[A-Z][a-zA-Z]+$/.test(source)) {
          if (!known.has(source)) problems.push(`${id}: unknown source ${source}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the hadolint and BuildKit coverage meets the targets (64 of 71, 20 of 22)', () => {
    const cov = coverage(rules);
    expect(cov.hadolint.covered.length).toBeGreaterThanOrEqual(64);
    expect(cov.buildkit.covered.length).toBeGreaterThanOrEqual(20);
  });

  test('docs/rules.md is generated from the current metadata (run `pnpm docs:rules`)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc(rules));
  });
});
