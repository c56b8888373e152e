import { createRequire } from 'node:module';
import { initShellParser } from '@dockerfile-opt/core';
import { rules as coreRules } from '@dockerfile-opt/rules';
import type { ConfigObject, Plugin, RulesConfig } from '@eslint/core';
import { toEslintRule, type DockerfileEslintRule } from './adapt-rule.js';
import { DockerfileLanguage, LANGUAGE_ID } from './language.js';

// ESLint parses synchronously, but the shell grammar (WebAssembly) loads asynchronously: load it
// while the plugin is imported. This makes the entry ESM-only, as ESLint's config loading is.
await initShellParser();

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

export const NAMESPACE = 'dockerfile-opt';

/** The file names a Dockerfile goes by (the CLI's discovery names; ESLint matches case-sensitively). */
export const DOCKERFILE_PATTERNS = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/Dockerfile-*',
  '**/dockerfile',
  '**/dockerfile.*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
];
/** BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`) match the patterns above but are not Dockerfiles. */
const NOT_DOCKERFILES = ['**/*.dockerignore'];

const rules: Record<string, DockerfileEslintRule> = Object.fromEntries(coreRules.map((rule) => [rule.id, toEslintRule(rule)]));

function severities(onlyRecommended: boolean): RulesConfig {
  return Object.fromEntries(
    coreRules.filter((rule) => !onlyRecommended || rule.meta.recommended).map((rule) => [`${NAMESPACE}/${rule.id}`, rule.meta.severity]),
  );
}

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  languages: { dockerfile: new DockerfileLanguage() },
  rules,
  configs: {} as { recommended: ConfigObject; all: ConfigObject },
} satisfies Plugin;

function preset(configName: string, onlyRecommended: boolean): ConfigObject {
  return {
    name: `${NAMESPACE}/${configName}`,
    files: DOCKERFILE_PATTERNS,
    ignores: NOT_DOCKERFILES,
    plugins: { [NAMESPACE]: plugin },
    language: LANGUAGE_ID,
    rules: severities(onlyRecommended),
  };
}

plugin.configs.recommended = preset('recommended', true);
plugin.configs.all = preset('all', false);

export { DockerfileLanguage, LANGUAGE_ID } from './language.js';
export { DockerfileSourceCode } from './source-code.js';
export { SETTINGS_KEY, toEslintRule, type DockerfileEslintRule } from './adapt-rule.js';
export default plugin;
