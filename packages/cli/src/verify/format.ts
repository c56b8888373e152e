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
        for (const path of paths.slice(0, LISTED_FILES)) out.push(`  ${label}  ${path}`);
        if (paths.length > LISTED_FILES) out.push(`  ... and ${paths.length - LISTED_FILES} more ${label}`);
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
