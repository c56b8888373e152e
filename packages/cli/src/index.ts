export {
  fixText,
  lintFiles,
  lintText,
  outputFixes,
  type FixTextOptions,
  type LintFilesOptions,
  type LintTextOptions,
} from './api.js';
export { execute, type CliIo, type OutputStream } from './cli.js';
export { formatterNames, loadFormatter, type Formatter, type FormatterContext } from './formatters/index.js';
export { ruleInfo, type RuleInfo } from './rules-list.js';
export type { FailureThreshold } from './hadolint.js';
export { ConfigFileError, FileError, type Config, type Fix, type LintMessage, type LintResult, type RuleMeta, type RuleSetting, type Suggestion } from './types.js';
