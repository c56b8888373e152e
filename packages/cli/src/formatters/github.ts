import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { displayPath } from './paths.js';

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` line per finding, which the
 * runner turns into an annotation on the file and line of the pull request. The path is
 * relative to the working directory, which in a workflow is the repository root.
 */
const github: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, cwd);
    for (const m of result.messages) lines.push(command(m, file));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

function command(m: LintMessage, file: string): string {
  const properties: Array<[string, string | number]> = [['file', file], ['line', m.line], ['endLine', m.endLine]];
  // GitHub accepts columns only on an annotation within one line.
  if (m.line === m.endLine) properties.push(['col', m.column], ['endColumn', m.endColumn]);
  properties.push(['title', m.ruleId ? `dockerfile-opt ${m.ruleId}` : 'dockerfile-opt parse error']);
  const level = m.severity === 2 ? 'error' : 'warning';
  return `::${level} ${properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',')}::${escapeData(m.message)}`;
}

/** The runner's escaping of a command's message: `%`, CR and LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes the separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default github;
