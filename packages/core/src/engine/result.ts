import type { Range } from '../parse/location.js';
import type { FixSafety, TextEdit } from './rule.js';

/** ESLint's fix shape: one replacement. */
export interface EslintFix {
  range: Range;
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: EslintFix;
}

/** A finding, in ESLint's message shape plus our fix details. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix (applied by `--fix`). */
  fix?: EslintFix;
  /** Unsafe fixes and alternatives (applied by `--unsafe-fixes`, quick fixes in editors). */
  suggestions?: Suggestion[];
  fatal?: true;
  /** Offsets of the finding in the text (without BOM). */
  range: Range;
  /** The fix the fixer would apply, with its safety; absent when there is none. */
  fixDetails?: { safety: FixSafety; edits: TextEdit[]; late: boolean; description?: string };
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Findings that only an unsafe fix can fix. */
  unsafeFixableCount: number;
  /** The fixed text, when fixing changed something. */
  output?: string;
  /** The original text, for formatters that show code. */
  source?: string;
}

/** Merge non-overlapping edits into one ESLint fix (the text between edits is kept). */
export function toEslintFix(text: string, edits: readonly TextEdit[]): EslintFix {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  const first = sorted[0] as TextEdit;
  const start = first.range[0];
  let end = start;
  let out = '';
  for (const e of sorted) {
    out += text.slice(end, e.range[0]) + e.text;
    end = Math.max(end, e.range[1]);
  }
  return { range: [start, end], text: out };
}

export function summarize(filePath: string, messages: LintMessage[]): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    unsafeFixableCount: 0,
  };
  for (const m of messages) {
    if (m.severity === 2) result.errorCount++;
    else result.warningCount++;
    if (m.fatal) result.fatalErrorCount++;
    if (m.fix) {
      if (m.severity === 2) result.fixableErrorCount++;
      else result.fixableWarningCount++;
    } else if (m.fixDetails?.safety === 'unsafe') result.unsafeFixableCount++;
  }
  return result;
}
