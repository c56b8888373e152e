import { docsUrl, type RuleDefinition } from '@dockerfile-opt/core';

/** hadolint's 71 DL codes (v2.15), for the coverage table. */
export const HADOLINT_CODES = [
  'DL1001', 'DL3000', 'DL3001', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009', 'DL3010',
  'DL3011', 'DL3012', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019', 'DL3020', 'DL3021', 'DL3022',
  'DL3023', 'DL3024', 'DL3025', 'DL3026', 'DL3027', 'DL3028', 'DL3029', 'DL3030', 'DL3032', 'DL3033', 'DL3034',
  'DL3035', 'DL3036', 'DL3037', 'DL3038', 'DL3040', 'DL3041', 'DL3042', 'DL3043', 'DL3044', 'DL3045', 'DL3046',
  'DL3047', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057',
  'DL3058', 'DL3059', 'DL3060', 'DL3061', 'DL3062', 'DL3063', 'DL3064', 'DL3065', 'DL3066', 'DL3067', 'DL4000',
  'DL4001', 'DL4003', 'DL4004', 'DL4005', 'DL4006',
] as const;

/** BuildKit's 22 build checks. */
export const BUILDKIT_CHECKS = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'InvalidBaseImagePlatform',
  'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile', 'InvalidDefinitionDescription', 'ExposeProtoCasing', 'ExposeInvalidFormat',
] as const;

export interface Coverage {
  hadolint: { covered: string[]; missing: string[] };
  buildkit: { covered: string[]; missing: string[] };
}

export function coverage(rules: readonly RuleDefinition[]): Coverage {
  const sources = new Set(rules.flatMap((r) => r.meta.sources ?? []));
  const split = (all: readonly string[]) => ({ covered: all.filter((c) => sources.has(c)), missing: all.filter((c) => !sources.has(c)) });
  return { hadolint: split(HADOLINT_CODES), buildkit: split(BUILDKIT_CHECKS) };
}

/** The Markdown of docs/rules.md, generated from the rules' metadata (`pnpm docs:rules`). */
export function renderRulesDoc(rules: readonly RuleDefinition[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => {
      const m = r.meta;
      const fix = m.fixable === 'none' ? 'no' : `${m.fixable} (${m.fixSafety ?? 'safe'})`;
      return `| [${r.id}](${docsUrl(r).replace(/^.*\/rules\//, '../rules/')}) | ${m.category} | ${m.severity} | ${m.recommended ? 'yes' : 'no'} | ${fix} | ${(m.sources ?? []).join(', ')} | ${m.description.replace(/\|/g, '\\|')} |`;
    });
  const cov = coverage(rules);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `pnpm docs:rules`; a test keeps it in step. -->',
    '',
    `${rules.length} rules. Fixable: \`safe\` fixes are applied by \`--fix\` (ESLint: fixes), \`unsafe\` ones only with \`--unsafe-fixes\` (ESLint: suggestions).`,
    '',
    '| Rule | Category | Severity | Recommended | Fixable | Sources | Description |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Coverage of other tools\' checks',
    '',
    `- hadolint: ${cov.hadolint.covered.length} of ${HADOLINT_CODES.length} DL codes. Not covered: ${cov.hadolint.missing.join(', ') || 'none'}.`,
    `- BuildKit (\`docker build --check\`): ${cov.buildkit.covered.length} of ${BUILDKIT_CHECKS.length} checks. Not covered: ${cov.buildkit.missing.join(', ') || 'none'}.`,
    '',
  ].join('\n');
}
