export * from './parse/ast.js';
export * from './parse/location.js';
export { parseDockerfile, joinContinuations } from './parse/parse.js';
export {
  initShellParser,
  isShellParserReady,
  parseShell,
  shellSourceOf,
  ShellParserNotReady,
  type ShellAssignment,
  type ShellCommand,
  type ShellRedirect,
  type ShellScript,
  type ShellWord,
} from './parse/shell.js';
export * from './model/model.js';
export * from './model/variables.js';
export * from './model/paths.js';
export type { RunEffects, RunWrite, WriteKind } from './model/run-effects.js';
export * from './engine/rule.js';
export * from './engine/schema.js';
export * from './engine/config.js';
export * from './engine/ignores.js';
export * from './engine/result.js';
export { lintWithRules, type LintOptions, type LintRun } from './engine/linter.js';
export { applyEdits, fixWithRules, selectEdits, type FixOptions, type FixRun } from './fix/fixer.js';
