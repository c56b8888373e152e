import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { displayPath } from './paths.js';
import { attributes } from './xml.js';

/** `source` of a finding: the rule, or `parse-error` for a file that could not be parsed. */
const checkstyleSource = (m: LintMessage) => `dockerfile-opt.${m.ruleId ?? 'parse-error'}`;

/**
 * Checkstyle XML, as Jenkins (Warnings Next Generation), reviewdog and Sonar read it: one `<file>`
 * per linted file, even without findings (the file was checked), one `<error>` per finding.
 */
const checkstyle: Formatter = (results, { cwd }) => {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    const name = attributes({ name: displayPath(result.filePath, cwd) });
    if (result.messages.length === 0) {
      lines.push(`  <file${name}/>`);
      continue;
    }
    lines.push(`  <file${name}>`);
    for (const m of result.messages) {
      const severity = m.severity === 2 ? 'error' : 'warning';
      lines.push(`    <error${attributes({ line: m.line, column: m.column, severity, message: m.message, source: checkstyleSource(m) })}/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
};

export default checkstyle;
