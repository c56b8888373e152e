import { docsUrl, type RuleDefinition } from '@dockerfile-opt/core';
import { styles } from './color.js';

/** One rule as `dockerfile-opt rules --format json` prints it. */
export interface RuleInfo {
  id: string;
  description: string;
  category: string;
  severity: 'warn' | 'error';
  recommended: boolean;
  fixable: 'none' | 'sometimes' | 'always';
  /** Null when the rule has no fix. */
  fixSafety: 'safe' | 'unsafe' | null;
  /** hadolint codes and BuildKit check names the rule covers. */
  sources: string[];
  docs: string;
}

export function ruleInfo(rule: RuleDefinition): RuleInfo {
  const { meta } = rule;
  return {
    id: rule.id,
    description: meta.description,
    category: meta.category,
    severity: meta.severity,
    recommended: meta.recommended,
    fixable: meta.fixable,
    fixSafety: meta.fixable === 'none' ? null : (meta.fixSafety ?? 'safe'),
    sources: meta.sources ?? [],
    docs: docsUrl(rule),
  };
}

/** The `rules` listing as text: a heading line per rule, its description, sources and docs link. */
export function formatRulesText(rules: readonly RuleDefinition[], color: boolean): string {
  const s = styles(color);
  const blocks = rules.map((rule) => {
    const info = ruleInfo(rule);
    const traits = [
      info.category,
      info.severity === 'error' ? s.red('error') : s.yellow('warn'),
      info.recommended ? s.green('recommended') : 'not recommended',
      info.fixSafety ? `${info.fixable === 'always' ? '' : 'sometimes '}fixable (${info.fixSafety})` : 'no fix',
    ];
    const lines = [`${s.bold(info.id)}  ${s.dim('(')}${traits.join(s.dim(', '))}${s.dim(')')}`, `  ${info.description}`];
    if (info.sources.length > 0) lines.push(`  ${s.dim('covers:')} ${info.sources.join(', ')}`);
    lines.push(`  ${s.dim(info.docs)}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${plural(rules.length, 'rule')}, ${rules.filter((r) => r.meta.recommended).length} recommended.\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
