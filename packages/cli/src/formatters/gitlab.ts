import { createHash } from 'node:crypto';
import type { Category } from '@dockerfile-opt/core';
import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { displayPath } from './paths.js';

/** GitLab's severities (those of Code Climate issues). */
type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** A Code Climate issue, the element of GitLab's Code Quality report. */
interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: GitlabSeverity;
  fingerprint: string;
  location: {
    path: string;
    positions: { begin: { line: number; column: number }; end: { line: number; column: number } };
  };
}

/** Code Climate's category names for ours. */
const CATEGORIES: Record<Category, string> = {
  correctness: 'Bug Risk',
  performance: 'Performance',
  security: 'Security',
  maintainability: 'Clarity',
  style: 'Style',
};

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of Code Climate
 * issues. GitLab compares the fingerprints of a merge request with its target branch to show
 * new and fixed findings, so a fingerprint leaves out the line: it hashes the file, the rule,
 * the message and how many identical findings come before it in the file, and stays the same
 * when lines are added above.
 */
const gitlab: Formatter = (results, { cwd, rulesMeta }) => {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const path = displayPath(result.filePath, cwd);
    const seen = new Map<string, number>();
    for (const m of result.messages) {
      const key = JSON.stringify([path, m.ruleId, m.message]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const category = m.ruleId ? rulesMeta[m.ruleId]?.category : undefined;
      issues.push({
        type: 'issue',
        check_name: m.ruleId ?? 'parse-error',
        description: m.message,
        categories: [category ? CATEGORIES[category] : 'Bug Risk'],
        severity: severity(m),
        fingerprint: createHash('sha256').update(`${key}#${occurrence}`).digest('hex'),
        location: { path, positions: { begin: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};

/** A file that cannot be parsed is not checked at all: worse than any one finding. */
function severity(m: LintMessage): GitlabSeverity {
  if (m.fatal) return 'critical';
  return m.severity === 2 ? 'major' : 'minor';
}

export default gitlab;
