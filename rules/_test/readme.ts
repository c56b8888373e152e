import { readFileSync } from 'node:fs';
import type { RuleDefinition } from '@dockerfile-opt/core';
import { lintRule } from './harness.js';

export interface ReadmeExamples {
  bad: string[];
  good: string[];
}

/**
 * The fenced ```dockerfile blocks under a rule README's `### Bad` and `### Good` headings, so each
 * rule's test can check that its documented examples behave as documented.
 */
export function readmeExamples(readmeUrl: URL): ReadmeExamples {
  const text = readFileSync(readmeUrl, 'utf8');
  const examples: ReadmeExamples = { bad: [], good: [] };
  let section: keyof ReadmeExamples | null = null;
  let block: string[] | null = null;
  let inOtherFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (block) {
      if (/^```\s*$/.test(line)) {
        if (section) examples[section].push(`${block.join('\n')}\n`);
        block = null;
      } else {
        block.push(line);
      }
      continue;
    }
    if (inOtherFence) {
      if (/^```\s*$/.test(line)) inOtherFence = false;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      const title = (heading[2] as string).toLowerCase();
      section = heading[1] === '###' && (title === 'bad' || title === 'good') ? title : null;
      continue;
    }
    if (/^```dockerfile\s*$/i.test(line)) block = [];
    else if (line.startsWith('```')) inOtherFence = true;
  }
  return examples;
}

/**
 * Lints a rule's README examples with the rule: returns the bad blocks it finds nothing in and the
 * good blocks it reports, so a test can expect both lists to be empty (and that blocks exist).
 */
export function readmeMismatches(rule: RuleDefinition, readmeUrl: URL, options: unknown[] = []): { bad: number; good: number; badWithoutFinding: string[]; goodWithFinding: string[] } {
  const { bad, good } = readmeExamples(readmeUrl);
  return {
    bad: bad.length,
    good: good.length,
    badWithoutFinding: bad.filter((text) => lintRule(rule, text, options).length === 0),
    goodWithFinding: good.filter((text) => lintRule(rule, text, options).length > 0),
  };
}
