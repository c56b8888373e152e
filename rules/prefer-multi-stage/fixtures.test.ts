import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule, type Finding } from '../_test/harness.js';
import rule from './index.js';

const root = new URL('../../fixtures/', import.meta.url).pathname;

/** Every fixture directory: an app (sources + Dockerfile) or a rule case, each with its expected files. */
const cases = [
  ...readdirSync(join(root, 'apps')).map((name) => join('apps', name)),
  ...readdirSync(join(root, 'rules/prefer-multi-stage')).map((name) => join('rules/prefer-multi-stage', name)),
];

/** The build context of a fixture: files inside its directory only. */
function contextReader(dir: string): (path: string) => string | null {
  return (path) => {
    const full = normalize(join(dir, path));
    if (relative(dir, full).startsWith('..') || !existsSync(full)) return null;
    return readFileSync(full, 'utf8');
  };
}

function formatFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.text}] ${f.message}`;
}

describe('prefer-multi-stage fixtures', () => {
  test('there is a fixture for every ecosystem and the seed lab', () => {
    const apps = readdirSync(join(root, 'apps'));
    expect(apps).toEqual(expect.arrayContaining(['diamol-lab', 'go', 'java-maven', 'java-gradle', 'node', 'rust', 'python', 'dotnet']));
  });

  for (const name of cases) {
    const dir = join(root, name);
    test(`${name.split(sep).join('/')}: findings and rewrite match the committed files`, () => {
      const input = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const expected = readFileSync(join(dir, 'Dockerfile.expected'), 'utf8');
      const readContextFile = contextReader(dir);
      const options = existsSync(join(dir, 'options.json')) ? [JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as unknown] : [];
      const findings = lintRule(rule, input, options, { readContextFile }).map(formatFinding);
      expect(findings.join('\n') + '\n').toBe(readFileSync(join(dir, 'findings.txt'), 'utf8'));
      expect(fixRule(rule, input, { options, readContextFile })).toBe(input);
      const fixed = fixRule(rule, input, { unsafe: true, options, readContextFile });
      expect(fixed).toBe(expected);
      expect(fixRule(rule, fixed, { unsafe: true, options, readContextFile })).toBe(fixed);
      if (fixed !== input) expect(lintRule(rule, fixed, options, { readContextFile })).toEqual([]);
    });
  }
});
