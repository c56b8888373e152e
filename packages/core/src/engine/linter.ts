import type { DockerfileNode, InstructionNode } from '../parse/ast.js';
import type { PositionMapper, Range } from '../parse/location.js';
import { parseWithPositions } from '../parse/parse.js';
import { ShellParserNotReady } from '../parse/shell.js';
import { DockerfileModel } from '../model/model.js';
import { resolveConfig, type Config, type ResolvedConfig, type ResolvedRule } from './config.js';
import { collectIgnores, isIgnored } from './ignores.js';
import { summarize, toEslintFix, type LintMessage, type LintResult } from './result.js';
import type { FixDescriptor, ReportDescriptor, RuleContext, RuleDefinition, RuleVisitors } from './rule.js';

export interface LintOptions {
  /** Shown in results and matched against config overrides. */
  filePath?: string;
  config?: Config;
  /** Use this resolved config instead of resolving `config`. */
  resolved?: ResolvedConfig;
  /** Reads a file of the build context (relative to the Dockerfile's directory). */
  readContextFile?: (relativePath: string) => string | null;
}

export interface LintRun {
  result: LintResult;
  root: DockerfileNode;
  model: DockerfileModel;
}

/** Lint `input` with `rules`. Never throws for any input text. */
export function lintWithRules(input: string, rules: readonly RuleDefinition[], options: LintOptions = {}): LintRun {
  const filePath = options.filePath ?? '<text>';
  // The parser's line table maps the findings' offsets too.
  const { root, positions: pm } = parseWithPositions(input);
  const model = new DockerfileModel(root);
  const text = root.text;
  const messages: LintMessage[] = [];
  for (const error of root.errors) {
    messages.push({
      ruleId: null,
      severity: 2,
      fatal: true,
      message: `Parsing error: ${error.message}`,
      line: error.loc.start.line,
      column: error.loc.start.column,
      endLine: error.loc.end.line,
      endColumn: error.loc.end.column,
      range: error.range,
    });
  }
  const resolved = options.resolved ?? resolveConfig(options.config ?? {}, rules, options.filePath);
  const ignores = collectIgnores(root);
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = resolved.rules.get(rule.id);
    if (!setting) continue;
    const severity = setting.severity === 'error' ? 2 : 1;
    const context: RuleContext = {
      id: rule.id,
      options: mergedOptions(rule, setting),
      settings: resolved.settings,
      root,
      text,
      eol: root.eol,
      model,
      filePath: options.filePath,
      readContextFile: options.readContextFile,
      report: (d) => {
        const message = toMessage(rule, d, severity, text, pm);
        if (!isIgnored(ignores, rule, message.range[0], d.sources)) messages.push(message);
      },
    };
    active.push({ rule, visitors: rule.create(context) });
  }
  traverse(root, active, messages);
  messages.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return { result: summarize(filePath, messages), root, model };
}

/**
 * A rule's options over its defaults, merged once per resolved setting: a caller that lints many
 * files under one resolved config (the CLI) does not merge them again for every file.
 */
const mergedBySetting = new WeakMap<ResolvedRule, { rule: RuleDefinition; options: unknown[] }>();

function mergedOptions(rule: RuleDefinition, setting: ResolvedRule): unknown[] {
  const cached = mergedBySetting.get(setting);
  if (cached?.rule === rule) return cached.options;
  const options = mergeOptions(rule.meta.defaultOptions ?? [], setting.options);
  mergedBySetting.set(setting, { rule, options });
  return options;
}

function mergeOptions(defaults: readonly unknown[], given: readonly unknown[]): unknown[] {
  const length = Math.max(defaults.length, given.length);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const d = defaults[i];
    const g = given[i];
    if (isObject(d) && isObject(g)) out.push({ ...d, ...g });
    else out.push(g === undefined ? d : g);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface ActiveRule {
  rule: RuleDefinition;
  visitors: RuleVisitors;
}

type Visitor = (this: RuleVisitors, node: never, parent?: InstructionNode) => void;

/**
 * Visit the tree. With a hundred rules, most of which look at a few instruction types, the rules
 * with something to do for a node type are listed once per type, not asked at every node.
 */
function traverse(root: DockerfileNode, active: readonly ActiveRule[], messages: LintMessage[]): void {
  const call = (rule: RuleDefinition, visitors: RuleVisitors, visitor: Visitor | undefined, node: unknown, parent?: InstructionNode): void => {
    if (!visitor) return;
    try {
      visitor.call(visitors, node as never, parent);
    } catch (error) {
      // Not the rule's failure: the caller loads the shell parser and lints again.
      if (error instanceof ShellParserNotReady) throw error;
      messages.push({
        ruleId: rule.id,
        severity: 2,
        fatal: true,
        message: `Rule "${rule.id}" failed: ${(error as Error).message}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        range: [0, 0],
      });
    }
  };
  const rulesFor = dispatchTable(active);
  for (const { rule, visitors } of rulesFor('Dockerfile')) call(rule, visitors, visitors.Dockerfile, root);
  for (const child of root.children) {
    for (const { rule, visitors } of rulesFor(child.type)) {
      if (child.type === 'Comment') call(rule, visitors, visitors.Comment, child);
      else if (child.type === 'ParserDirective') call(rule, visitors, visitors.ParserDirective, child);
      else visitInstruction(child, rule, visitors, call);
    }
  }
  for (const { rule, visitors } of rulesFor('Dockerfile:exit')) call(rule, visitors, visitors['Dockerfile:exit'], root);
}

/** Visitors an instruction calls whatever its type: for itself and for its parts. */
const INSTRUCTION_PART_VISITORS = new Set(['*', 'Flag', 'Argument', 'Heredoc']);
const SPECIAL_TYPES = new Set(['Dockerfile', 'Dockerfile:exit', 'Comment', 'ParserDirective']);

/**
 * The rules with something to do for each node type, in rule order, from one pass over each
 * rule's visitor names. Asking every rule's visitors object (each of its own shape) for every
 * type would be a slow, megamorphic lookup.
 */
function dispatchTable(active: readonly ActiveRule[]): (type: string) => readonly ActiveRule[] {
  const byName = new Map<string, ActiveRule[]>();
  const everyInstruction: ActiveRule[] = [];
  const names: string[] = [];
  for (const a of active) {
    const visitors = a.visitors as Record<string, Visitor | undefined>;
    collectNames(visitors, names);
    for (const name of names) {
      if (visitors[name] === undefined) continue;
      const list = INSTRUCTION_PART_VISITORS.has(name) ? everyInstruction : byName.get(name) ?? [];
      if (list.length === 0 && list !== everyInstruction) byName.set(name, list);
      if (list.at(-1) !== a) list.push(a);
    }
  }
  const order = new Map(active.map((a, i) => [a, i]));
  const byType = new Map<string, readonly ActiveRule[]>();
  return (type) => {
    let list = byType.get(type);
    if (!list) {
      const own = byName.get(type) ?? [];
      list = SPECIAL_TYPES.has(type) ? own : mergeInOrder(own, everyInstruction, order);
      byType.set(type, list);
    }
    return list;
  };
}

/** The names of an object literal's properties, or of a class instance's and its prototypes' (methods), into `out`. */
function collectNames(object: object, out: string[]): void {
  out.length = 0;
  for (const name in object) out.push(name);
  for (let o = Object.getPrototypeOf(object) as object | null; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    out.push(...Object.getOwnPropertyNames(o));
  }
}

/** Two lists of rules in rule order, merged in rule order, each rule once. */
function mergeInOrder(a: readonly ActiveRule[], b: readonly ActiveRule[], order: ReadonlyMap<ActiveRule, number>): readonly ActiveRule[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: ActiveRule[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (order.get(x) as number) < (order.get(y) as number))) {
      out.push(x as ActiveRule);
      i++;
    } else {
      if (x === y) i++;
      out.push(y);
      j++;
    }
  }
  return out;
}

function visitInstruction(
  node: InstructionNode,
  rule: RuleDefinition,
  visitors: RuleVisitors,
  call: (rule: RuleDefinition, visitors: RuleVisitors, visitor: Visitor | undefined, node: unknown, parent?: InstructionNode) => void,
): void {
  const byName = visitors as Record<string, Visitor | undefined>;
  call(rule, visitors, byName['*'], node);
  call(rule, visitors, byName[node.type], node);
  if (visitors.Flag) for (const f of node.flags) call(rule, visitors, byName['Flag'], f, node);
  if (visitors.Argument) for (const a of node.args) call(rule, visitors, byName['Argument'], a, node);
  if (visitors.Heredoc) for (const h of node.heredocs) call(rule, visitors, byName['Heredoc'], h, node);
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (data && key in data ? String(data[key]) : m));
}

function toMessage(rule: RuleDefinition, d: ReportDescriptor, severity: 1 | 2, text: string, pm: PositionMapper): LintMessage {
  const template = d.messageId ? rule.meta.messages[d.messageId] : d.message;
  if (template === undefined) throw new Error(`unknown messageId "${d.messageId ?? ''}"`);
  const range: Range = d.range ?? d.node?.range ?? [0, 0];
  const start = pm.position(range[0]);
  const end = pm.position(range[1]);
  const message: LintMessage = {
    ruleId: rule.id,
    severity,
    message: interpolate(template, d.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    range,
  };
  if (d.messageId) message.messageId = d.messageId;
  const defaultSafety = rule.meta.fixSafety ?? 'safe';
  const fixes: FixDescriptor[] = [];
  if (d.fix && d.fix.edits.length > 0) fixes.push(d.fix);
  for (const s of d.suggest ?? []) if (s.edits.length > 0) fixes.push(s);
  const primary = fixes[0];
  if (primary) {
    // A suggestion is never applied by `--fix`: without a fix, the first one is an unsafe fix.
    const safety = primary === d.fix ? (primary.safety ?? defaultSafety) : 'unsafe';
    message.fixDetails = { safety, edits: primary.edits, late: primary.late ?? false };
    if (primary.description) message.fixDetails.description = primary.description;
    if (safety === 'safe' && d.fix) message.fix = toEslintFix(text, primary.edits);
  }
  const suggestions = fixes
    .filter((f) => (f.safety ?? defaultSafety) === 'unsafe' || f !== d.fix)
    .map((f) => ({ desc: f.description ?? 'Apply this change', fix: toEslintFix(text, f.edits) }));
  if (suggestions.length > 0) message.suggestions = suggestions;
  return message;
}
