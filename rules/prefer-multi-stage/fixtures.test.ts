import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { fixWithRules, lintWithRules, type RuleDefinition } from '@dockerfile-opt/core';
import { fixRule, lintRule, type Finding } from '../_test/harness.js';
import { rulesById } from '../index.js';
import rule from './index.js';

/** The rules that judge a multi-stage rewrite: none of them may find anything in it. */
const relintIds = ['prefer-multi-stage', 'layer-cache-order', 'copy-from-missing-artifact'];
const relintRules = relintIds.map((id) => rulesById.get(id)).filter((r): r is RuleDefinition => r !== undefined);
const relintConfig = { extends: 'none' as const, rules: Object.fromEntries(relintIds.map((id) => [id, 'warn' as const])) };

const root = new URL('../../fixtures/', import.meta.url).pathname;

/** Every fixture directory: an app (sources + Dockerfile) or a rule case, each with its expected files. */
const cases = ['apps', 'rules/prefer-multi-stage'].flatMap((parent) =>
  readdirSync(join(root, parent))
    .filter((name) => statSync(join(root, parent, name)).isDirectory())
    .map((name) => join(parent, name)),
);

/** The build context of a fixture: files inside its directory only. */
function contextReader(dir: string): (path: string) => string | null {
  return (path) => {
    const full = normalize(join(dir, path));
    if (relative(dir, full).startsWith('..') || !existsSync(full) || !statSync(full).isFile()) return null;
    return readFileSync(full, 'utf8');
  };
}

function formatFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.text}] ${f.message}`;
}

describe('prefer-multi-stage fixtures', () => {
  test('the rules the rewrite is judged by are registered', () => {
    expect(relintRules.map((r) => r.id)).toEqual(relintIds);
  });

  test('there is a fixture for every ecosystem and the seed lab', () => {
    const apps = cases.filter((c) => c.startsWith('apps')).map((c) => c.slice('apps/'.length));
    expect(apps).toEqual(expect.arrayContaining(['diamol-lab', 'go', 'java-maven', 'java-gradle', 'node', 'rust', 'python', 'dotnet']));
  });

  for (const name of cases) {
    const dir = join(root, name);
    test(`${name.split(sep).join('/')}: findings and rewrite match the committed files`, () => {
      const input = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const expected = readFileSync(join(dir, 'fixed-unsafe.Dockerfile'), 'utf8');
      const readContextFile = contextReader(dir);
      const options = existsSync(join(dir, 'options.json')) ? [JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as unknown] : [];
      const findings = lintRule(rule, input, options, { readContextFile }).map(formatFinding);
      expect(findings.join('\n') + '\n').toBe(readFileSync(join(dir, 'findings.txt'), 'utf8'));
      expect(fixRule(rule, input, { options, readContextFile })).toBe(input);
      const fixed = fixRule(rule, input, { unsafe: true, options, readContextFile });
      expect(fixed).toBe(expected);
      expect(fixRule(rule, fixed, { unsafe: true, options, readContextFile })).toBe(fixed);
      if (fixed === input) return;
      const relint = lintWithRules(fixed, relintRules, { config: relintConfig, readContextFile }).result.messages;
      expect(relint.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
      const together = fixWithRules(input, relintRules, { config: relintConfig, unsafe: true, readContextFile });
      expect(together.result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
    });
  }
});
