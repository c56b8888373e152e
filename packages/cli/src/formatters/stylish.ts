import { styles } from '../color.js';
import type { LintResult } from '../types.js';
import type { Formatter } from './index.js';
import { displayPath } from './paths.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ESLint's `stylish` format: per file its path, then `line:column  severity  message  rule-id`
 * aligned in columns, and a summary with the counts and what `--fix` / `--unsafe-fixes` can fix.
 */
const stylish: Formatter = (results, { cwd, color }) => {
  const s = styles(color);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let unsafeFixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    unsafeFixable += result.unsafeFixableCount;
    if (result.messages.length === 0) continue;
    out += `\n${s.underline(displayPath(result.filePath, cwd))}\n${table(result, s)}\n`;
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const paint = (text: string) => s.bold(errors > 0 ? s.red(text) : s.yellow(text));
  out += `\n${paint(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += `${paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`)}\n`;
  }
  if (unsafeFixable > 0) {
    out += `${s.dim(`  ${plural(unsafeFixable, 'more problem')} fixable with the \`--unsafe-fixes\` option (review the changes: they may change the image).`)}\n`;
  }
  return out;
};

function table(result: LintResult, s: ReturnType<typeof styles>): string {
  const rows = result.messages.map((m) => ({
    line: String(m.line),
    column: String(m.column),
    severity: m.severity === 2 ? 'error' : 'warning',
    // ESLint drops a message's final period here; so do we.
    message: m.message.replace(/([^ ])\.$/u, '$1'),
    ruleId: m.ruleId ?? '',
  }));
  const width = (key: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => r[key].length));
  const [line, column, severity, message] = [width('line'), width('column'), width('severity'), width('message')];
  return rows
    .map((r) => {
      const position = s.dim(`${r.line.padStart(line)}:${r.column.padEnd(column)}`);
      const level = r.severity === 'error' ? s.red(r.severity.padEnd(severity)) : s.yellow(r.severity.padEnd(severity));
      const text = r.ruleId ? `${r.message.padEnd(message)}  ${s.dim(r.ruleId)}` : r.message;
      return `  ${position}  ${level}  ${text}`;
    })
    .join('\n');
}

export default stylish;
