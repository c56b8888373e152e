import { fixWithRules, lintWithRules, type Config, type LintMessage, type RuleDefinition } from '@dockerfile-opt/core';

export interface Finding {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source text the finding covers. */
  text: string;
}

function toFinding(source: string, m: LintMessage): Finding {
  return {
    ruleId: m.ruleId,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    text: source.replace(/^\uFEFF/, '').slice(m.range[0], m.range[1]),
  };
}

function configFor(rule: RuleDefinition, options: unknown[] = []): Config {
  return { extends: 'none', rules: { [rule.id]: ['warn', ...options] } };
}

/** The findings of one rule on `text`, in a compact shape for exact assertions. */
export function lintRule(rule: RuleDefinition, text: string, options: unknown[] = [], extra: { filePath?: string; readContextFile?: (p: string) => string | null } = {}): Finding[] {
  const { result } = lintWithRules(text, [rule], { config: configFor(rule, options), ...extra });
  return result.messages.filter((m) => !m.fatal).map((m) => toFinding(text, m));
}

/** The full messages of one rule (fix details included). */
export function lintMessages(rule: RuleDefinition, text: string, options: unknown[] = []): LintMessage[] {
  return lintWithRules(text, [rule], { config: configFor(rule, options) }).result.messages;
}

/** The text after applying one rule's fixes until stable. */
export function fixRule(rule: RuleDefinition, text: string, { unsafe = false, options = [] as unknown[], readContextFile }: { unsafe?: boolean; options?: unknown[]; readContextFile?: (p: string) => string | null } = {}): string {
  return fixWithRules(text, [rule], { config: configFor(rule, options), unsafe, readContextFile }).output;
}
