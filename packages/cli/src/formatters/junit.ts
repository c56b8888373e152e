import type { LintMessage, LintResult } from '../types.js';
import type { Formatter } from './index.js';
import { displayPath } from './paths.js';
import { attributes, escapeXml } from './xml.js';

/**
 * JUnit XML, as GitLab (`artifacts:reports:junit`), Jenkins and Azure Pipelines read it: one
 * `<testsuite>` per file, one failing `<testcase>` per finding (a parse error is an `<error>`:
 * the file could not be checked), and one passing `<testcase>` for a file without findings, so
 * that every checked file shows up.
 */
const junit: Formatter = (results, { cwd }) => {
  const suites = results.map((result) => suite(result, displayPath(result.filePath, cwd)));
  const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((sum, s) => sum + s.counts[key], 0);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites${attributes({ name: 'dockerfile-opt', tests: total('tests'), failures: total('failures'), errors: total('errors') })}>`,
    ...suites.flatMap((s) => s.lines),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
};

function suite(result: LintResult, path: string): { counts: { tests: number; failures: number; errors: number }; lines: string[] } {
  const errors = result.messages.filter((m) => m.fatal).length;
  const counts = { tests: Math.max(result.messages.length, 1), failures: result.messages.length - errors, errors };
  const lines = [`  <testsuite${attributes({ name: path, ...counts })}>`];
  if (result.messages.length === 0) lines.push(`    <testcase${attributes({ classname: path, name: 'dockerfile-opt' })}/>`);
  for (const m of result.messages) {
    lines.push(`    <testcase${attributes({ classname: path, name: `${m.ruleId ?? 'parse-error'} at ${m.line}:${m.column}` })}>`);
    const element = m.fatal ? 'error' : 'failure';
    const severity = m.severity === 2 ? 'error' : 'warning';
    lines.push(`      <${element}${attributes({ type: severity, message: m.message })}>${escapedDetail(m, path, severity)}</${element}>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { counts, lines };
}

/** The body CI systems show for a failure: where, how bad, what, and which rule. */
function escapedDetail(m: LintMessage, path: string, severity: string): string {
  const rule = m.ruleId ? ` (${m.ruleId})` : '';
  return escapeXml(`${path}:${m.line}:${m.column}: ${severity}: ${m.message}${rule}`);
}

export default junit;
