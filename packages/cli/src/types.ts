import type { Config, RuleMeta, RuleSetting } from '@dockerfile-opt/core';

export type { Config, RuleMeta, RuleSetting };

/** ESLint's fix shape: replace `range` (offsets in the text without BOM) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

/** One finding, in ESLint's message shape. */
export interface LintMessage {
  /** Null for a parse error. */
  ruleId: string | null;
  /** 1 = warning, 2 = error. */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine: number;
  /** 1-based, exclusive. */
  endColumn: number;
  /** A safe fix, applied by `--fix`. */
  fix?: Fix;
  /** Unsafe fixes and alternatives, applied by `--unsafe-fixes` (quick fixes in editors). */
  suggestions?: Suggestion[];
  /** A parse error or a rule that crashed. */
  fatal?: true;
}

/** The result for one file, in ESLint's result shape (what `--format json` prints). */
export interface LintResult {
  /** Absolute path, or `<stdin>` / `<text>` when there is no file. */
  filePath: string;
  messages: LintMessage[];
  /** Always empty: findings silenced by ignore comments are not reported. Kept for ESLint formatters. */
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Findings that only `--unsafe-fixes` can fix (not part of ESLint's shape). */
  unsafeFixableCount: number;
  /** The fixed text, when fixing changed the file. */
  output?: string;
  /** The original text, when there are findings and no `output` (as ESLint does). */
  source?: string;
  /** Always empty. Kept for ESLint formatters. */
  usedDeprecatedRules: Array<{ ruleId: string; replacedBy: string[] }>;
}

/** A file or pattern that could not be linted. */
export class FileError extends Error {
  constructor(
    message: string,
    /** The path or pattern as given. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

/** A configuration problem (config file or options); names the file and the key at fault. */
export class ConfigFileError extends Error {
  constructor(
    message: string,
    /** The config file, or null for a config given in code or on the command line. */
    readonly file: string | null,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}
