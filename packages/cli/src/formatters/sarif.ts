import { docsUrl, type RuleMeta } from '@dockerfile-opt/core';
import type { Fix, LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { fileUri } from './paths.js';
import { toolVersion } from '../version.js';

/** The parts of SARIF 2.1.0 this formatter writes (OASIS standard; names as in its schema). */
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: ArtifactLocation; region: Region };
}
interface SarifFix {
  description: { text: string };
  artifactChanges: Array<{
    artifactLocation: ArtifactLocation;
    replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }>;
  }>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: { text: string };
  locations: SarifLocation[];
  fixes?: SarifFix[];
}
interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
  defaultConfiguration?: { level: 'error' | 'warning' };
  properties?: { category: string; tags: string[]; fixable: RuleMeta['fixable']; fixSafety?: string; sources?: string[] };
}
interface Notification {
  level: 'error';
  message: { text: string };
  locations: SarifLocation[];
}

/** Where the relative URIs start: the directory the linter ran in (the repository root in CI). */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run; its driver lists the
 * rules the results refer to, with their documentation. Safe fixes and suggestions (the unsafe
 * fix and alternatives) become SARIF fixes: replacements given by character offsets (UTF-16
 * code units, the run's column kind). A file that cannot be parsed is a tool execution
 * notification, not a result: no rule found it, the file simply was not checked.
 */
const sarif: Formatter = (results, { cwd, rulesMeta }) => {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults: SarifResult[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    const { uri, relative } = fileUri(result.filePath, cwd);
    const artifactLocation: ArtifactLocation = relative ? { uri, uriBaseId: SOURCE_ROOT } : { uri };
    for (const m of result.messages) {
      const locations = [{ physicalLocation: { artifactLocation, region: region(m) } }];
      if (m.ruleId === null) {
        notifications.push({ level: 'error', message: { text: m.message }, locations });
        continue;
      }
      let index = ruleIndex.get(m.ruleId);
      if (index === undefined) {
        index = rules.push(descriptor(m.ruleId, rulesMeta[m.ruleId])) - 1;
        ruleIndex.set(m.ruleId, index);
      }
      const sarifResult: SarifResult = { ruleId: m.ruleId, ruleIndex: index, level: m.severity === 2 ? 'error' : 'warning', message: { text: m.message }, locations };
      const fixes = [
        ...(m.fix ? [sarifFix('Safe fix, applied by dockerfile-opt --fix', m.fix, artifactLocation)] : []),
        // Without a safe fix, the first suggestion is the unsafe fix; the others are alternatives.
        ...(m.suggestions ?? []).map((s, i) => sarifFix(!m.fix && i === 0 ? `${s.desc} (applied by dockerfile-opt --unsafe-fixes)` : s.desc, s.fix, artifactLocation)),
      ];
      if (fixes.length > 0) sarifResult.fixes = fixes;
      sarifResults.push(sarifResult);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dockerfile-opt', version: toolVersion(), rules } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function region(m: LintMessage): Region {
  return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function sarifFix(description: string, fix: Fix, artifactLocation: ArtifactLocation): SarifFix {
  const [start, end] = fix.range;
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: fix.text } }] }],
  };
}

function descriptor(id: string, meta: RuleMeta | undefined): ReportingDescriptor {
  if (!meta) return { id };
  const helpUri = docsUrl({ id, meta });
  const properties: NonNullable<ReportingDescriptor['properties']> = { category: meta.category, tags: ['dockerfile', meta.category], fixable: meta.fixable };
  if (meta.fixable !== 'none') properties.fixSafety = meta.fixSafety ?? 'safe';
  if (meta.sources && meta.sources.length > 0) properties.sources = meta.sources;
  return {
    id,
    shortDescription: { text: meta.description },
    helpUri,
    help: { text: `${meta.description} See ${helpUri}`, markdown: `${meta.description} [Documentation](${helpUri})` },
    defaultConfiguration: { level: meta.severity === 'error' ? 'error' : 'warning' },
    properties,
  };
}

export default sarif;
