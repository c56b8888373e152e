import type { BuildResult } from './builder.js';
import type { SideReport, VerifyReport } from './verify.js';

/** At most this many differing files are listed in the table; JSON lists them all. */
const LISTED_FILES = 20;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function reuse(build: BuildResult | null): string {
  if (!build) return '-';
  const cached = build.steps.filter((s) => s.cached).length;
  return `${cached} cached, ${build.steps.length - cached} rebuilt`;
}

function cell(side: SideReport, row: string): string {
  const failed = !side.build.ok ? 'build failed' : null;
  switch (row) {
    case 'size':
      return failed ?? formatSize(side.image?.sizeBytes ?? 0);
    case 'layers':
      return failed ?? String(side.image?.layers ?? 0);
    case 'cold':
      return `${side.build.seconds.toFixed(1)} s`;
    case 'rebuild':
      return side.rebuild ? `${side.rebuild.seconds.toFixed(1)} s${side.rebuild.ok ? '' : ' (failed)'}` : '-';
    case 'steps':
      return reuse(side.rebuild);
    default:
      return side.run ? `exit ${side.run.exitCode ?? 'stopped'}` : '-';
  }
}

/** Directories this deep or deeper with several listed files are shown as one line. */
const GROUP_DEPTH = 3;

/** Paths, with those under one directory at GROUP_DEPTH (a build cache, a toolchain) as `dir/ (N files)`. */
export function groupByDirectory(paths: readonly string[]): string[] {
  const counts = new Map<string, number>();
  const keyOf = (path: string) => {
    const parts = path.split('/');
    return parts.length > GROUP_DEPTH + 1 ? `${parts.slice(0, GROUP_DEPTH + 1).join('/')}/` : path;
  };
  for (const path of paths) counts.set(keyOf(path), (counts.get(keyOf(path)) ?? 0) + 1);
  const listed: string[] = [];
  for (const path of paths) {
    const key = keyOf(path);
    const count = counts.get(key) ?? 0;
    if (count === 1) listed.push(path);
    else if (count > 1) {
      listed.push(`${key} (${count} files)`);
      counts.set(key, 0);
    }
  }
  return listed;
}

/** The before/after table `dockerfile-opt verify` prints. */
export function formatVerifyText(report: VerifyReport, builderName: string): string {
  const rows: [string, string][] = [
    ['final image size', 'size'],
    ['layers', 'layers'],
    ['cold build', 'cold'],
    [`rebuild after editing ${report.touched}`, 'rebuild'],
    ['steps after the edit', 'steps'],
  ];
  if (report.original.run) rows.push(['command', 'run']);
  const table = [['', 'original', 'fixed'], ...rows.map(([label, row]) => [label, cell(report.original, row), cell(report.fixed, row)])];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const lines = table.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));

  const out = [`Built with ${builderName}.`, '', ...lines, ''];
  if (report.sameOutput !== null) out.push(report.sameOutput ? 'The command gives the same output.' : 'The command output differs:', '');
  if (report.sameOutput === false) {
    out.push(`  original: ${JSON.stringify(report.original.run?.output ?? '')}`, `  fixed:    ${JSON.stringify(report.fixed.run?.output ?? '')}`, '');
  }
  if (report.runtimeFiles) {
    const { missing, changed } = report.runtimeFiles;
    if (missing.length === 0 && changed.length === 0) out.push('Every file the original build added is in the fixed image, unchanged.');
    else {
      out.push('Files the original build added that differ in the fixed image (build tools and sources are expected here):');
      for (const [label, paths] of [['missing', missing], ['changed', changed]] as const) {
        const entries = groupByDirectory(paths);
        for (const entry of entries.slice(0, LISTED_FILES)) out.push(`  ${label}  ${entry}`);
        if (entries.length > LISTED_FILES) out.push(`  ... and ${entries.length - LISTED_FILES} more ${label}`);
      }
    }
    out.push('');
  }
  for (const [name, side] of [['original', report.original], ['fixed', report.fixed]] as const) {
    for (const build of [side.build, side.rebuild]) {
      if (build && !build.ok) out.push(`The ${name} build failed; the end of its log:`, ...build.log.trimEnd().split('\n').slice(-15).map((l) => `  ${l}`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function formatVerifyJson(report: VerifyReport, builderName: string): string {
  const side = (s: SideReport) => ({
    built: s.build.ok,
    sizeBytes: s.image?.sizeBytes ?? null,
    layers: s.image?.layers ?? null,
    coldBuildSeconds: s.build.seconds,
    rebuildSeconds: s.rebuild?.seconds ?? null,
    rebuildSteps: s.rebuild?.steps ?? null,
    run: s.run,
  });
  return `${JSON.stringify({ builder: builderName, touched: report.touched, original: side(report.original), fixed: side(report.fixed), sameOutput: report.sameOutput, runtimeFiles: report.runtimeFiles }, null, 2)}\n`;
}
