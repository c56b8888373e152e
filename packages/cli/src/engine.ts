import { dirname, isAbsolute, relative } from 'node:path';
import {
  ConfigError,
  fixWithRules,
  lintWithRules,
  normalizeSeverity,
  resolveConfig,
  summarize,
  validateConfig,
  type LintMessage as CoreMessage,
  type LintResult as CoreResult,
  type ResolvedConfig,
  type RuleDefinition,
  type RuleSetting,
} from '@dockerfile-opt/core';
import type { LoadedConfig } from './config-files.js';
import { toPosix } from './config-files.js';
import { contextReader } from './context-files.js';
import type { FailureThreshold } from './hadolint.js';
import { ConfigFileError, type LintMessage, type LintResult } from './types.js';

export interface EngineOptions {
  rules: readonly RuleDefinition[];
  /** Rule settings applied over every config (the CLI's `--rule`); validated by `checkRuleSettings`. */
  ruleSettings?: Record<string, RuleSetting>;
  /** `run`: run only error-severity rules; `report`: run all, report errors only (warnings still counted). */
  errorsOnly?: 'run' | 'report';
  fix?: boolean;
  unsafe?: boolean;
}

/** What linting needs of a loaded config: plain data, so that it can be sent to a worker thread. */
export type LintConfig = Pick<LoadedConfig, 'dir' | 'config' | 'failureThreshold'>;

export interface SourceToLint {
  text: string;
  /** Absolute path of the file, or null for text without one. */
  path: string | null;
  /** `filePath` of the result when there is no path. */
  name: string;
  config: LintConfig;
}

export interface LintOutcome {
  result: LintResult;
  failureThreshold: FailureThreshold;
  /** Warnings found, including those left out of the result by `errorsOnly: 'report'`. */
  warningCount: number;
}

/** Validate `--rule`-style settings; throws a ConfigFileError naming the rule. */
export function checkRuleSettings(settings: Record<string, RuleSetting>, rules: readonly RuleDefinition[]): void {
  try {
    validateConfig({ rules: settings }, new Map(rules.map((r) => [r.id, r])));
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigFileError(error.message, null, error.key);
    throw error;
  }
}

/** Lint (and with `fix`, fix) one text under its config. */
export function lintSource(source: SourceToLint, options: EngineOptions): LintOutcome {
  const { config } = source;
  // Overrides match the path relative to the config file's directory.
  const filePath = source.path ? toPosix(relative(config.dir, source.path)) : undefined;
  const resolved = resolveFor(config, filePath, options);
  const lintOptions = {
    filePath,
    resolved,
    readContextFile: source.path ? contextReader(dirname(source.path)) : undefined,
  };
  const displayPath = source.path ?? source.name;
  let core: CoreResult;
  let output: string | undefined;
  if (options.fix) {
    const run = fixWithRules(source.text, options.rules, { ...lintOptions, unsafe: options.unsafe ?? false });
    core = run.result;
    if (run.changed) output = run.output;
  } else {
    core = lintWithRules(source.text, options.rules, lintOptions).result;
  }
  const warningCount = core.warningCount;
  if (options.errorsOnly === 'report') core = summarize(core.filePath, core.messages.filter((m) => m.severity === 2));
  return { result: toPublicResult(displayPath, core, source.text, output), failureThreshold: config.failureThreshold ?? 'error', warningCount };
}

/**
 * The resolved config of a config without overrides, which is the same for every file under it:
 * resolved once, with the options of the run, rather than for each file.
 */
const resolvedForAnyPath = new WeakMap<LintConfig, { options: EngineOptions; resolved: ResolvedConfig }>();

function resolveFor(config: LintConfig, filePath: string | undefined, options: EngineOptions): ResolvedConfig {
  const anyPath = (config.config.overrides ?? []).length === 0;
  const cached = anyPath ? resolvedForAnyPath.get(config) : undefined;
  if (cached?.options === options) return cached.resolved;
  const resolved = resolveForPath(config, filePath, options);
  if (anyPath) resolvedForAnyPath.set(config, { options, resolved });
  return resolved;
}

function resolveForPath(config: LintConfig, filePath: string | undefined, options: EngineOptions): ResolvedConfig {
  const usable = filePath !== undefined && !filePath.startsWith('../') && !isAbsolute(filePath) ? filePath : undefined;
  const resolved = resolveConfig(config.config, options.rules, usable);
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(options.ruleSettings ?? {})) {
    const [value, ...ruleOptions] = Array.isArray(setting) ? setting : [setting];
    const severity = normalizeSeverity(value);
    if (severity === 'off') {
      resolved.rules.delete(id);
      continue;
    }
    const previous = resolved.rules.get(id);
    resolved.rules.set(id, {
      severity,
      options: ruleOptions.length > 0 ? ruleOptions : (previous?.options ?? byId.get(id)?.meta.defaultOptions ?? []),
    });
  }
  if (options.errorsOnly === 'run') {
    for (const [id, rule] of resolved.rules) if (rule.severity !== 'error') resolved.rules.delete(id);
  }
  return resolved;
}

/** Core's result in ESLint's shape: internal fields (offsets, fix details) dropped. */
export function toPublicResult(filePath: string, core: CoreResult, source: string, output?: string): LintResult {
  const result: LintResult = {
    filePath,
    messages: core.messages.map(toPublicMessage),
    suppressedMessages: [],
    errorCount: core.errorCount,
    fatalErrorCount: core.fatalErrorCount,
    warningCount: core.warningCount,
    fixableErrorCount: core.fixableErrorCount,
    fixableWarningCount: core.fixableWarningCount,
    unsafeFixableCount: core.unsafeFixableCount,
    usedDeprecatedRules: [],
  };
  if (output !== undefined) result.output = output;
  else if (result.messages.length > 0) result.source = source;
  return result;
}

function toPublicMessage(m: CoreMessage): LintMessage {
  const out: LintMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
  if (m.fatal) out.fatal = true;
  return out;
}
