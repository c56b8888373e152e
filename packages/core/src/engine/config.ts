import picomatch from 'picomatch';
import type { RuleDefinition, Severity } from './rule.js';
import { validateSchema, type JsonSchema } from './schema.js';

export type SeverityValue = Severity | 0 | 1 | 2;
export type RuleSetting = SeverityValue | [SeverityValue, ...unknown[]];
export type Preset = 'recommended' | 'all' | 'none';

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
}

/** The configuration of `.dockerfile-opt.json` / `.yaml`, and of the library API. */
export interface Config {
  $schema?: string;
  /** Which rules are on before `rules` is applied: recommended ones (default), all, or none. */
  extends?: Preset;
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
  overrides?: ConfigOverride[];
  /** Paths (globs, relative to the config file) the CLI never lints. */
  ignorePatterns?: string[];
}

export interface ResolvedRule {
  severity: Exclude<Severity, 'off'>;
  options: unknown[];
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  settings: Record<string, unknown>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    /** The key the problem is at (`rules.foo`), when it is about one. */
    readonly key?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const severityValue: JsonSchema = { oneOf: [{ enum: ['off', 'warn', 'error'] }, { enum: [0, 1, 2] }] };
const ruleSetting: JsonSchema = {
  oneOf: [severityValue, { type: 'array', minItems: 1, items: [severityValue] }],
};
const rulesSchema: JsonSchema = { type: 'object', additionalProperties: ruleSetting };
const stringOrStrings: JsonSchema = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/** JSON Schema of the config file; `schema/config.schema.json` in the CLI package is this object. */
export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://dockerfile-opt.dev/schema/config.schema.json',
  title: 'dockerfile-opt configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { enum: ['recommended', 'all', 'none'], description: 'Rules on before `rules` applies.' },
    rules: rulesSchema,
    settings: { type: 'object' },
    ignorePatterns: { type: 'array', items: { type: 'string' } },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: { files: stringOrStrings, excludedFiles: stringOrStrings, rules: rulesSchema, settings: { type: 'object' } },
      },
    },
  },
};

export function normalizeSeverity(value: SeverityValue): Severity {
  if (value === 0) return 'off';
  if (value === 1) return 'warn';
  if (value === 2) return 'error';
  return value;
}

/**
 * Check a config's shape, its rule ids and each rule's options. Throws a `ConfigError` naming the
 * key at fault.
 */
export function validateConfig(config: unknown, rules: ReadonlyMap<string, RuleDefinition>): asserts config is Config {
  const problems = validateSchema(config, CONFIG_SCHEMA);
  if (problems.length > 0) {
    const first = problems[0] as { path: string; message: string };
    throw new ConfigError(`${first.path}: ${first.message}`, first.path);
  }
  const c = config as Config;
  const check = (settings: Record<string, RuleSetting> | undefined, prefix: string): void => {
    for (const [id, setting] of Object.entries(settings ?? {})) {
      const key = `${prefix}.${id}`;
      const rule = rules.get(id);
      if (!rule) throw new ConfigError(`${key}: unknown rule "${id}"`, key);
      if (Array.isArray(setting)) validateRuleOptions(rule, setting.slice(1), key);
    }
  };
  check(c.rules, 'rules');
  c.overrides?.forEach((o, i) => check(o.rules, `overrides[${i}].rules`));
}

export function validateRuleOptions(rule: RuleDefinition, options: unknown[], key = `rules.${rule.id}`): void {
  const schemas = rule.meta.schema ?? [];
  if (options.length > schemas.length) {
    throw new ConfigError(`${key}: rule "${rule.id}" takes ${schemas.length} option(s), got ${options.length}`, key);
  }
  options.forEach((option, i) => {
    const problems = validateSchema(option, schemas[i] as JsonSchema);
    if (problems.length > 0) {
      const p = problems[0] as { path: string; message: string };
      const where = `${key}[${i + 1}]${p.path && p.path !== '(root)' ? `.${p.path}` : ''}`;
      throw new ConfigError(`${where}: ${p.message}`, where);
    }
  });
}

function matches(patterns: string | string[] | undefined, filePath: string): boolean {
  if (patterns === undefined) return false;
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const path = filePath.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return list.some((p) => {
    const isMatch = picomatch(p, { dot: true, nocase: true });
    return isMatch(path) || (!p.includes('/') && isMatch(base));
  });
}

/** The rules in force for `filePath` (relative to the config's directory, or just a name). */
export function resolveConfig(config: Config, rules: readonly RuleDefinition[], filePath = 'Dockerfile'): ResolvedConfig {
  const preset = config.extends ?? 'recommended';
  const settings: Record<string, unknown> = { ...config.settings };
  const resolved = new Map<string, ResolvedRule>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    if (preset === 'all' || (preset === 'recommended' && rule.meta.recommended)) {
      resolved.set(rule.id, { severity: rule.meta.severity, options: rule.meta.defaultOptions ?? [] });
    }
  }
  const apply = (ruleSettings: Record<string, RuleSetting> | undefined): void => {
    for (const [id, setting] of Object.entries(ruleSettings ?? {})) {
      const rule = byId.get(id);
      if (!rule) continue;
      const [severityValue, ...options] = Array.isArray(setting) ? setting : [setting];
      const severity = normalizeSeverity(severityValue);
      if (severity === 'off') {
        resolved.delete(id);
        continue;
      }
      const previous = resolved.get(id);
      resolved.set(id, {
        severity,
        options: options.length > 0 ? options : (previous?.options ?? rule.meta.defaultOptions ?? []),
      });
    }
  };
  apply(config.rules);
  for (const override of config.overrides ?? []) {
    if (matches(override.files, filePath) && !matches(override.excludedFiles, filePath)) {
      apply(override.rules);
      Object.assign(settings, override.settings);
    }
  }
  return { rules: resolved, settings };
}
