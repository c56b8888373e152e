import {
  isUnder,
  parseShell,
  resolveImagePath,
  shellSourceOf,
  type DockerfileModel,
  type DockerfileNode,
  type InstructionNode,
  type Stage,
  type TextEdit,
} from '@dockerfile-opt/core';
import type { Invocation } from './commands.js';

/**
 * Directories a RUN mounts a cache or tmpfs over (absolute paths): what the RUN writes there never
 * reaches the layer.
 */
export function cacheMountTargets(model: DockerfileModel, run: InstructionNode): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name.toLowerCase() !== 'mount') continue;
    const type = flag.options.find((o) => o.name === 'type')?.value;
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = flag.options.find((o) => o.name === 'target' || o.name === 'dst' || o.name === 'destination')?.value;
    if (!target) continue;
    const expanded = model.expand(target, run).value;
    if (expanded !== null) targets.push(resolveImagePath(model.stateAt(run).workdir, expanded));
  }
  return targets;
}

/** Whether a mount target keeps `dir` out of the layer: it is `dir` or one of its parents. */
export function mountCovers(targets: readonly string[], dir: string): boolean {
  return targets.some((target) => isUnder(dir, target));
}

/** The stages whose files end up in the built image: the final stage and the stages it is built FROM. */
export function imageStages(model: DockerfileModel): Set<Stage> {
  const stages = new Set<Stage>();
  for (let stage = model.finalStage; stage; stage = stage.base.kind === 'stage' ? stage.base.stage : null) stages.add(stage);
  return stages;
}

/**
 * An edit that runs `command` after everything else in a shell-form RUN (`RUN a && b` becomes
 * `RUN a && b && command`), or null when that cannot be done cleanly: exec form, heredocs, a body
 * that ends in `;`, `&` or a comment, or a result the shell parser would not accept.
 */
export function appendCommandEdit(root: DockerfileNode, run: InstructionNode, command: string): TextEdit | null {
  if (run.execForm || run.heredocs.length > 0 || !run.bodyRange) return null;
  const [start, end] = run.bodyRange;
  const body = shellSourceOf(root.text.slice(start, end), root.escapeChar);
  const trimmed = body.replace(/[\s\\]+$/, '');
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  if (/[;&|]$/.test(trimmed) || lastLine.includes('#')) return null;
  const before = parseShell(trimmed, 0);
  const after = parseShell(`${trimmed} && ${command}`, 0);
  if (before.hasError || after.hasError) return null;
  return { range: [start + trimmed.length, start + trimmed.length], text: ` && ${command}` };
}

/** The range from a program word to its subcommand (`apt-get update`), for reports. */
export function commandRange(invocation: Invocation, last: { range: [number, number] } | null): [number, number] {
  return [invocation.programWord.range[0], (last ?? invocation.programWord).range[1]];
}

/** The stage's root image may ship BusyBox tools instead of GNU ones and no bash (Alpine, BusyBox, or unknown). */
export function mayBeBusyBox(model: DockerfileModel, run: InstructionNode): boolean {
  let stage = model.stageOf(run);
  while (stage?.base.kind === 'stage') stage = stage.base.stage;
  if (!stage || stage.base.kind !== 'image') return true;
  return /alpine|busybox/i.test(`${stage.base.name}:${stage.base.tag ?? ''}`);
}

/**
 * Whether a shell script is one `&&` chain (pipelines and compound commands joined by `&&` only):
 * then `x && <script>` fails whenever `x` fails. A `;`, `&`, `||` or line break at the top level
 * would let later commands run, and succeed, after `x` failed. Conservative: `if ...; then` and
 * `case` count as separators too.
 */
export function isAndChain(script: string): boolean {
  let depth = 0;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const next = script[i + 1];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = closingQuote(script, i);
      if (close === -1) return false;
      i = close;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(script[i - 1] as string))) {
      while (i < script.length && script[i] !== '\n') i++;
      i--;
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0) {
      if (ch === ';' || ch === '\n' || (ch === '|' && next === '|')) return false;
      if (ch === '&') {
        if (next !== '&' && script[i - 1] !== '>' && next !== '>') return false;
        i++;
      }
    }
  }
  return true;
}

/** The index of the quote closing the one at `open` (`"` and backquotes honour backslashes), or -1. */
function closingQuote(script: string, open: number): number {
  const quote = script[open];
  for (let i = open + 1; i < script.length; i++) {
    if (script[i] === '\\' && quote !== "'") i++;
    else if (script[i] === quote) return i;
  }
  return -1;
}
