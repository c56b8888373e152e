import { ConfigError, validateSchema, type Config, type RuleDefinition, type RuleSetting } from '@dockerfile-opt/core';

/** When a run fails: on errors only, on warnings too, or never. */
export type FailureThreshold = 'error' | 'warning' | 'none';

export interface HadolintMapping {
  config: Config;
  /** From `failure-threshold` / `no-fail`; absent when the file does not say. */
  failureThreshold?: FailureThreshold;
}

const LEVELS = ['error', 'warning', 'info', 'style'] as const;
const THRESHOLDS: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'warning', style: 'warning', none: 'none' };

/**
 * Translate a `.hadolint.yaml` into our config: `ignored` codes turn off every rule that covers
 * them, `override` sets severities (error stays error, the rest become warnings),
 * `trustedRegistries` and `label-schema` configure the rules of the same purpose when they exist.
 * Keys we have no equivalent for are skipped. Throws a `ConfigError` naming a malformed key.
 */
export function configFromHadolint(raw: unknown, rules: readonly RuleDefinition[]): HadolintMapping {
  if (raw === null || raw === undefined) return { config: {} };
  if (!isObject(raw)) throw new ConfigError(`(root): must be a mapping, got ${kind(raw)}`, '(root)');
  const byCode = new Map<string, RuleDefinition[]>();
  for (const rule of rules) {
    for (const code of rule.meta.sources ?? []) byCode.set(code, [...(byCode.get(code) ?? []), rule]);
  }
  const rulesFor = (codes: string[]): RuleDefinition[] => codes.flatMap((c) => byCode.get(c) ?? []);
  const byId = new Map(rules.map((r) => [r.id, r]));

  const severities = new Map<string, 'warn' | 'error'>();
  const options = new Map<string, unknown>();
  const off = new Set<string>();

  const registries = byId.get('allowed-registries');
  if (raw.trustedRegistries !== undefined && registries) {
    options.set(registries.id, checkedOption(registries, { registries: stringList(raw.trustedRegistries, 'trustedRegistries') }));
  }
  const labelSchema = byId.get('label-schema');
  if ((raw['label-schema'] !== undefined || raw['strict-labels'] !== undefined) && labelSchema) {
    const labels = raw['label-schema'] ?? {};
    if (!isObject(labels)) throw new ConfigError(`label-schema: must be a mapping of label names to types, got ${kind(labels)}`, 'label-schema');
    const option: Record<string, unknown> = { labels };
    if (raw['strict-labels'] !== undefined) option.strict = raw['strict-labels'];
    options.set(labelSchema.id, checkedOption(labelSchema, option));
  }
  if (raw.override !== undefined) {
    if (!isObject(raw.override)) throw new ConfigError(`override: must be a mapping, got ${kind(raw.override)}`, 'override');
    for (const level of [...LEVELS].reverse()) {
      const codes = raw.override[level];
      if (codes === undefined || codes === null) continue;
      // Walking from style up to error lets the most severe level win for a rule listed twice.
      for (const rule of rulesFor(stringList(codes, `override.${level}`))) severities.set(rule.id, level === 'error' ? 'error' : 'warn');
    }
  }
  if (raw.ignored !== undefined && raw.ignored !== null) {
    for (const rule of rulesFor(stringList(raw.ignored, 'ignored'))) off.add(rule.id);
  }

  const settings: Record<string, RuleSetting> = {};
  for (const id of new Set([...options.keys(), ...severities.keys()])) {
    const severity = severities.get(id) ?? (byId.get(id) as RuleDefinition).meta.severity;
    settings[id] = options.has(id) ? [severity, options.get(id)] : severity;
  }
  for (const id of off) settings[id] = 'off';

  const mapping: HadolintMapping = { config: Object.keys(settings).length > 0 ? { rules: settings } : {} };
  const threshold = raw['failure-threshold'];
  if (threshold !== undefined && threshold !== null) {
    if (typeof threshold !== 'string' || !(threshold in THRESHOLDS)) {
      throw new ConfigError(`failure-threshold: must be one of error, warning, info, style, none, got ${JSON.stringify(threshold)}`, 'failure-threshold');
    }
    mapping.failureThreshold = THRESHOLDS[threshold];
  }
  if (raw['no-fail'] === true) mapping.failureThreshold = 'none';
  return mapping;
}

/** Our option names, as the hadolint keys they come from (for error messages). */
const HADOLINT_KEYS: Record<string, string> = { registries: 'trustedRegistries', labels: 'label-schema', strict: 'strict-labels' };

/** Check a rule option built from hadolint keys against the rule's schema; errors name the hadolint key. */
function checkedOption(rule: RuleDefinition, option: Record<string, unknown>): Record<string, unknown> {
  const schema = rule.meta.schema?.[0];
  const [problem] = schema ? validateSchema(option, schema) : [];
  if (problem) {
    const key = problem.path.replace(/^(\w+)/, (name: string) => HADOLINT_KEYS[name] ?? name);
    throw new ConfigError(`${key}: ${problem.message}`, key);
  }
  return option;
}

function stringList(value: unknown, key: string): string[] {
  if (value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ConfigError(`${key}: must be a list of strings, got ${kind(value)}`, key);
  }
  return value as string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
}
