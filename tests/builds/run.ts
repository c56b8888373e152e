/**
 * The build suite (`pnpm test:builds`): every fixture app is built for real with buildah, as
 * written and as `dockerfile-opt --unsafe-fixes` rewrites it, and the rewrite must pay off:
 * both build, the rewritten image is smaller, a source edit reuses the rewritten build's
 * dependency and toolchain steps, the app answers the same, and its runtime files are there.
 *
 *   pnpm test:builds [app...]          (default: every app; needs root and buildah)
 *
 * Prints how long the base images took (and which were built or came from the cache), a result per
 * app with its time, a before/after table (Markdown, for docs/PERFORMANCE.md), the suite's time and
 * ends with "N passed, N failed"; skipped apps (with their reason) are counted in neither.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixText } from 'dockerfile-opt';
import { BuildahBuilder } from '../../packages/cli/src/verify/buildah.js';
import { finalBaseImage } from '../../packages/cli/src/verify/command.js';
import { formatSize } from '../../packages/cli/src/verify/format.js';
import { verifyRewrite, type VerifyReport } from '../../packages/cli/src/verify/verify.js';
import { APPS, type AppSpec } from './apps.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** How long a server gets to answer: startup under heavy load takes seconds. */
const RUN_TIMEOUT_MS = 30_000;

interface Outcome {
  app: AppSpec;
  status: 'passed' | 'failed' | 'skipped';
  problems: string[];
  report?: VerifyReport;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length > 0) {
    console.error(`unknown app(s): ${unknown.join(', ')}; known: ${APPS.map((a) => a.name).join(', ')}`);
    return 2;
  }
  // The storage driver prepare-images.sh uses (overlay unless set): the same store for both.
  process.env.STORAGE_DRIVER ??= 'overlay';
  const builder = new BuildahBuilder('buildah', existsSync(CA_BUNDLE) ? ['-v', `${CA_BUNDLE}:${CA_BUNDLE}:ro`] : []);
  const missing = await builder.unavailable();
  if (missing !== null) {
    console.error(`build suite: ${missing}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const apps = APPS.filter((a) => wanted.length === 0 || wanted.includes(a.name));
  const suiteStarted = performance.now();
  // Every base image first, in one run of the script: it builds independent images concurrently.
  const imagesProblem = prepareImages([...new Set(apps.filter((a) => a.skip === undefined).flatMap((a) => a.images))]);
  const appsStarted = performance.now();
  const outcomes: Outcome[] = [];
  for (const app of apps) {
    const started = performance.now();
    const outcome = imagesProblem !== null && app.skip === undefined && app.images.length > 0 ? { app, status: 'failed' as const, problems: [imagesProblem] } : await buildApp(app, builder);
    outcomes.push(outcome);
    const took = outcome.status === 'skipped' ? '' : ` in ${duration(performance.now() - started)}`;
    const detail = outcome.status === 'skipped' ? ` (${app.skip ?? ''})` : outcome.problems.map((p) => `\n    - ${p}`).join('');
    console.log(`${outcome.status.toUpperCase().padEnd(7)} ${app.name}${took}${detail}`);
  }
  const finished = performance.now();
  console.log(`\n${markdownTable(outcomes)}`);
  const passed = outcomes.filter((o) => o.status === 'passed').length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const skipped = outcomes.length - passed - failed;
  if (skipped > 0) console.log(`${skipped} skipped (not counted)`);
  console.log(`build suite took ${duration(finished - suiteStarted)}: base images ${duration(appsStarted - suiteStarted)}, apps ${duration(finished - appsStarted)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/**
 * Runs scripts/builds/prepare-images.sh for the image sets and reports how long they took and
 * which images it built and which it found current; returns why it failed, or null.
 */
function prepareImages(sets: string[]): string | null {
  if (sets.length === 0) return null;
  const started = performance.now();
  let summary: string;
  try {
    summary = execFileSync('bash', [join(ROOT, 'scripts/builds/prepare-images.sh'), ...sets], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    return `scripts/builds/prepare-images.sh ${sets.join(' ')} failed (exit ${status ?? 'signal'}); its log is above`;
  }
  console.log(`base images (${sets.join(', ')}) ready in ${duration(performance.now() - started)}: ${describeImages(summary)}`);
  return null;
}

/** prepare-images.sh's summary ("built <label> <seconds>" or "current <label>" lines) in words. */
function describeImages(summary: string): string {
  const built = new Map<string, number>();
  const current = new Set<string>();
  for (const line of summary.split('\n')) {
    const [kind, label, seconds] = line.trim().split(/\s+/);
    if (label === undefined) continue;
    if (kind === 'built') built.set(label, Number(seconds));
    else if (kind === 'current') current.add(label);
  }
  for (const label of built.keys()) current.delete(label);
  const cached = current.size === 0 ? [] : [`${built.size === 0 ? 'all ' : ''}${current.size} from the cache (${[...current].join(', ')})`];
  const made = built.size === 0 ? [] : [`${built.size} built (${[...built].map(([label, s]) => `${label} ${duration(s * 1000)}`).join(', ')})`];
  return [...made, ...cached].join('; ') || 'no images';
}

/** "42 s" or "3 min 05 s". */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

async function buildApp(app: AppSpec, builder: BuildahBuilder): Promise<Outcome> {
  if (app.skip !== undefined) return { app, status: 'skipped', problems: [] };
  const problems: string[] = [];
  try {
    const context = join(ROOT, app.context);
    const original = readFileSync(join(context, 'Dockerfile'), 'utf8');
    const fixed = (await fixText(original, { cwd: ROOT, filePath: join(context, 'Dockerfile'), unsafe: true })).output;
    if (fixed === original) return { app, status: 'failed', problems: ['the fixes leave the Dockerfile unchanged'] };

    const report = await verifyRewrite({
      builder,
      original,
      fixed,
      context,
      touch: app.touch,
      run: { timeoutMs: RUN_TIMEOUT_MS, probeUrl: app.probeUrl },
      baseImage: finalBaseImage(original),
      tagPrefix: `localhost/dockerfile-opt-builds/${app.name}`,
      keepImages: true,
    });
    try {
      problems.push(...(await check(app, report, builder)));
    } finally {
      for (const tag of Object.values(report.tags)) await builder.removeImage(tag);
    }
    return { app, status: problems.length === 0 ? 'passed' : 'failed', problems, report };
  } catch (error) {
    return { app, status: 'failed', problems: [error instanceof Error ? error.message : String(error)] };
  }
}

async function check(app: AppSpec, report: VerifyReport, builder: BuildahBuilder): Promise<string[]> {
  const problems: string[] = [];
  const tail = (log: string) => log.trimEnd().split('\n').slice(-8).join('\n      ');
  for (const side of ['original', 'fixed'] as const) {
    const { build, rebuild } = report[side];
    if (!build.ok) problems.push(`the ${side} Dockerfile does not build:\n      ${tail(build.log)}`);
    else if (!rebuild?.ok) problems.push(`the ${side} Dockerfile does not rebuild after editing ${app.touch}:\n      ${tail(rebuild?.log ?? '')}`);
  }
  if (problems.length > 0) return problems;

  const [before, after] = [report.original.image?.sizeBytes ?? 0, report.fixed.image?.sizeBytes ?? 0];
  if (!(after < before)) problems.push(`the rewritten image is not smaller: ${formatSize(before)} -> ${formatSize(after)}`);

  const steps = report.fixed.rebuild?.steps ?? [];
  for (const pattern of app.cachedAfterEdit) {
    const step = steps.find((s) => pattern.test(s.instruction));
    if (!step) problems.push(`the rewritten build has no step matching ${pattern}`);
    else if (!step.cached) problems.push(`after editing ${app.touch}, "${step.instruction}" was rebuilt instead of reused`);
  }

  const [ran, reran] = [report.original.run, report.fixed.run];
  if (!ran || ran.output.startsWith('(no answer')) problems.push(`the original app did not answer ${app.probeUrl}: ${ran?.output ?? ''}`);
  else if (report.sameOutput !== true) problems.push(`the app answers differently: ${JSON.stringify(ran.output)} vs ${JSON.stringify(reran?.output ?? '')}`);

  const files = await builder.files(report.tags.fixed);
  for (const path of app.runtimeFiles) if (!files.has(path)) problems.push(`the rewritten image lacks ${path}`);
  return problems;
}

function markdownTable(outcomes: Outcome[]): string {
  const rows = ['| App | Image before | Image after | Layers | Cold build before / after | Rebuild after a source edit, before / after | Steps reused after the edit, before / after | Same answer |', '|---|---|---|---|---|---|---|---|'];
  for (const { app, report } of outcomes) {
    const before = report?.original.image;
    const after = report?.fixed.image;
    if (!report || !before || !after) continue;
    const { original, fixed } = report;
    const seconds = (s: number | undefined) => (s === undefined ? '-' : `${s.toFixed(0)} s`);
    const reused = (side: typeof original) => {
      const steps = side.rebuild?.steps ?? [];
      return `${steps.filter((s) => s.cached).length}/${steps.length}`;
    };
    rows.push(
      `| ${app.name} | ${formatSize(before.sizeBytes)} | ${formatSize(after.sizeBytes)} | ${before.layers} -> ${after.layers} | ` +
        `${seconds(original.build.seconds)} / ${seconds(fixed.build.seconds)} | ${seconds(original.rebuild?.seconds)} / ${seconds(fixed.rebuild?.seconds)} | ` +
        `${reused(original)} / ${reused(fixed)} | ${report.sameOutput === true ? 'yes' : 'no'} |`,
    );
  }
  return rows.join('\n');
}

process.exitCode = await main();
