import {
  docsUrl,
  isIgnored,
  KEYWORDS,
  toEslintFix,
  type Category,
  type DockerfileSyntaxNode,
  type FixDescriptor,
  type ReportDescriptor,
  type RuleContext,
  type RuleDefinition,
  type RuleVisitors,
} from '@dockerfile-opt/core';
import type {
  LanguageOptions,
  RuleDefinition as EslintRuleDefinition,
  RuleFixer,
  RulesMeta,
  RuleType,
  RuleVisitor,
  SuggestedEdit,
  ViolationReport,
} from '@eslint/core';
import { contextReader } from './context-reader.js';
import { LANGUAGE_ID } from './language.js';
import type { DockerfileSourceCode } from './source-code.js';

export type DockerfileEslintRule = EslintRuleDefinition<{
  LangOptions: LanguageOptions;
  Code: DockerfileSourceCode;
  RuleOptions: unknown[];
  Visitor: RuleVisitor;
  Node: DockerfileSyntaxNode;
  MessageIds: string;
  ExtRuleDocs: unknown;
}>;

/** Where our rules read settings in an ESLint config: `settings: { "dockerfile-opt": { … } }`. */
export const SETTINGS_KEY = 'dockerfile-opt';

const RULE_TYPES: Record<Category, RuleType> = {
  correctness: 'problem',
  security: 'problem',
  performance: 'suggestion',
  maintainability: 'suggestion',
  style: 'layout',
};

/** Visitors that keep their name: everything that is not an instruction. */
const PLAIN_VISITORS = ['Dockerfile', 'Dockerfile:exit', 'Comment', 'ParserDirective', 'Flag', 'Argument', 'Heredoc'] as const;
const INSTRUCTION_TYPES: readonly string[] = [...KEYWORDS, 'Instruction'];
const DEFAULT_SUGGESTION = 'Apply this change';

type Handler = NonNullable<RuleVisitor[string]>;

/** Wrap one core rule as an ESLint rule: safe fixes are fixes, unsafe fixes and alternatives are suggestions. */
export function toEslintRule(rule: RuleDefinition): DockerfileEslintRule {
  const meta: RulesMeta = {
    type: RULE_TYPES[rule.meta.category],
    docs: { description: rule.meta.description, recommended: rule.meta.recommended, url: docsUrl(rule) },
    // Core rules may offer alternatives (`suggest`) whatever their `fixable` says.
    hasSuggestions: true,
    // Our schemas are a JSON Schema subset that ESLint's validator accepts as they are.
    schema: rule.meta.schema ?? [],
    messages: rule.meta.messages,
    languages: [LANGUAGE_ID],
  };
  if (rule.meta.fixable !== 'none') meta.fixable = 'code';
  if (rule.meta.defaultOptions) meta.defaultOptions = rule.meta.defaultOptions;
  return {
    meta,
    create(context) {
      const { sourceCode } = context;
      const filePath = context.filename === '<text>' ? undefined : context.filename;
      const settings = context.settings[SETTINGS_KEY];
      const coreContext: RuleContext = {
        id: rule.id,
        options: context.options,
        settings: isRecord(settings) ? settings : {},
        root: sourceCode.ast,
        text: sourceCode.text,
        eol: sourceCode.ast.eol,
        model: sourceCode.model,
        filePath,
        readContextFile: contextReader(context.physicalFilename),
        report(descriptor) {
          const report = toViolation(rule, descriptor, sourceCode);
          if (report) context.report(report);
        },
      };
      return toEslintVisitors(rule.create(coreContext));
    },
  };
}

function toViolation(rule: RuleDefinition, d: ReportDescriptor, sourceCode: DockerfileSourceCode): ViolationReport<DockerfileSyntaxNode> | null {
  const range = d.range ?? d.node?.range ?? [0, 0];
  if (isIgnored(sourceCode.ignores, rule, range[0], d.sources)) return null;
  const loc = { start: sourceCode.positions.position(range[0]), end: sourceCode.positions.position(range[1]) };
  const defaultSafety = rule.meta.fixSafety ?? 'safe';
  const fix = d.fix && d.fix.edits.length > 0 ? d.fix : null;
  const safeFix = fix && (fix.safety ?? defaultSafety) === 'safe' ? fix : null;
  const alternatives = [...(fix && !safeFix ? [fix] : []), ...(d.suggest ?? []).filter((s) => s.edits.length > 0)];
  const suggest: SuggestedEdit[] = alternatives.map((s) => ({ desc: s.description ?? DEFAULT_SUGGESTION, fix: toFixer(sourceCode.text, s) }));
  const message = d.messageId ? { messageId: d.messageId } : { message: d.message ?? '' };
  return {
    loc,
    ...message,
    ...(d.data ? { data: d.data } : {}),
    ...(safeFix ? { fix: toFixer(sourceCode.text, safeFix) } : {}),
    ...(suggest.length > 0 ? { suggest } : {}),
  };
}

/** One replacement covering all edits of a fix (ESLint fixes are offsets, never lines and columns). */
function toFixer(text: string, fix: FixDescriptor): RuleFixer {
  const { range, text: replacement } = toEslintFix(text, fix.edits);
  return (fixer) => fixer.replaceTextRange(range, replacement);
}

/**
 * Core visitors as ESLint selectors. ESLint's `*` would match every node, so the core's `'*'`
 * (every instruction) becomes one handler per instruction type, called before the keyword's own.
 */
export function toEslintVisitors(visitors: RuleVisitors): RuleVisitor {
  const byName = visitors as Record<string, Handler | undefined>;
  const out: RuleVisitor = {};
  const everyInstruction = byName['*'];
  for (const type of INSTRUCTION_TYPES) {
    const own = byName[type];
    if (everyInstruction && own) {
      out[type] = (...args: unknown[]) => {
        everyInstruction(...args);
        own(...args);
      };
    } else if (everyInstruction ?? own) {
      out[type] = everyInstruction ?? own;
    }
  }
  for (const name of PLAIN_VISITORS) if (byName[name]) out[name] = byName[name];
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
