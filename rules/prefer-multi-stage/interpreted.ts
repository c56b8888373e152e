import { posix } from 'node:path';
import { isUnder, resolveImagePath } from '@dockerfile-opt/core';
import { invocationOf } from '../_shared/commands.js';
import { emptyPlan, UNKNOWN_WORKDIR, workdirUnknown, type Inferred, type InferenceInput } from './plan.js';
import type { BuildStep } from './builds.js';

/* Artifacts of interpreted languages: Node ships its build output with the production
   dependencies, Python its virtualenv next to the sources. */

const NODE_OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'lib', '.next', '.output']);
const NODE_PRUNE: Record<string, string> = { npm: 'npm prune --omit=dev', pnpm: 'pnpm prune --prod', yarn: 'yarn install --production --frozen-lockfile' };

export function nodeArtifacts(input: InferenceInput): Inferred {
  const step = input.steps[0] as BuildStep;
  if (workdirUnknown(input, step)) return UNKNOWN_WORKDIR;
  const workdir = step.workdir;
  const paths = input.entry.flatMap((w) => (w.path ? [w.path] : []));
  const scripts = startScriptPaths(input, workdir);
  const output = [...paths, ...scripts].map((p) => (isUnder(p, workdir) ? p.slice(workdir.length).replace(/^\//, '').split('/')[0] : undefined)).find((s) => s && NODE_OUTPUT_DIRS.has(s));
  if (!output) return { missing: 'the build output directory (CMD runs no file under dist/, build/ or out/)' };
  const plan = emptyPlan();
  const installer = installProgram(input);
  // An app without production dependencies has no node_modules to ship (npm ci creates none).
  if (installer && hasProductionDependencies(input) !== false) {
    const prune = NODE_PRUNE[installer];
    if (!prune) return { missing: `how to drop the dev dependencies installed by ${installer}` };
    plan.builderSteps.push(prune);
    plan.copies.push({ source: `${workdir}/node_modules`, dest: `${workdir}/node_modules`, destIsDir: false, sourceIsFile: false });
  }
  plan.copies.push({ source: posix.join(workdir, 'package.json'), dest: posix.join(workdir, 'package.json'), destIsDir: false, sourceIsFile: true });
  plan.copies.push({ source: posix.join(workdir, output), dest: posix.join(workdir, output), destIsDir: false, sourceIsFile: false });
  return { plan };
}

/** Whether package.json lists runtime dependencies; null when the context cannot be read. */
function hasProductionDependencies(input: InferenceInput): boolean | null {
  const text = input.readContextFile?.('package.json');
  if (!text) return null;
  try {
    const manifest = JSON.parse(text) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {}).length > 0;
  } catch {
    return null;
  }
}

/** The files `npm start` runs, from package.json when the context is readable. */
function startScriptPaths(input: InferenceInput, workdir: string): string[] {
  const runsStart = input.entry.some((w) => w.value === 'start');
  const text = runsStart ? input.readContextFile?.('package.json') : null;
  if (!text) return [];
  try {
    const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
    const start = manifest.scripts?.start ?? '';
    return start.split(/\s+/).filter((w) => w.includes('/')).map((w) => resolveImagePath(workdir, w));
  } catch {
    return [];
  }
}

function installProgram(input: InferenceInput): string | null {
  for (const run of input.stage.instructions) {
    if (run.type !== 'RUN') continue;
    for (const script of input.model.shell(run)) {
      for (const command of script.commands) {
        const invocation = invocationOf(command);
        const sub = invocation?.args.find((w) => !w.value.startsWith('-'))?.value;
        if (!invocation || !['npm', 'pnpm', 'yarn', 'bun'].includes(invocation.program)) continue;
        if (sub === 'ci' || sub === 'install' || sub === 'i' || (invocation.program === 'yarn' && sub === undefined)) return invocation.program;
      }
    }
  }
  return null;
}

export function pythonArtifacts(input: InferenceInput): Inferred {
  for (const step of input.steps) {
    const operands = step.words.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
    let venv: string | null = null;
    if (step.label === 'python -m venv' || step.label === 'virtualenv' || step.label === 'pyvenv') venv = operands.at(-1) ?? null;
    else if (step.label === 'uv venv') venv = operands[1] ?? '.venv';
    else if (step.label === 'uv sync') venv = input.model.stateAt(step.run).env.get('UV_PROJECT_ENVIRONMENT') ?? '.venv';
    if (!venv) continue;
    if (!venv.startsWith('/') && workdirUnknown(input, step)) return UNKNOWN_WORKDIR;
    const path = resolveImagePath(step.workdir, venv);
    const plan = emptyPlan();
    plan.keepSources = true;
    plan.copies.push({ source: path, dest: path, destIsDir: false, sourceIsFile: false });
    return { plan };
  }
  return { missing: 'where the packages are installed (install them into a virtualenv, e.g. `python -m venv /opt/venv`)' };
}
