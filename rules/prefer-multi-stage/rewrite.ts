import { posix } from 'node:path';
import { isUnder, type DockerfileModel, type InstructionNode, type Range, type Stage } from '@dockerfile-opt/core';
import type { ArtifactCopy, ArtifactPlan } from './plan.js';
import { adjustEntryText } from './entry.js';
import type { Route } from './routing.js';

export interface RewriteInput {
  model: DockerfileModel;
  stage: Stage;
  routes: readonly Route[];
  plan: ArtifactPlan;
  runtimeImage: string;
  builderName: string;
  /** Where the runtime stage's WORKDIR points once its instructions have run. */
  runtimeWorkdir: string;
  /** False when a WORKDIR depends on a value the model does not know: destinations are then absolute. */
  runtimeWorkdirKnown: boolean;
  eol: string;
}

export type Rewrite = { range: Range; text: string } | { missing: string };

/** One instruction as printed: its own comment lines, then its text. */
interface Piece {
  text: string;
  blankBefore: boolean;
}

/**
 * Print the final stage as a builder stage (the original base, the build steps) and a runtime
 * stage (the runtime base, the run-time instructions, the artifact, then run-time files).
 */
export function rewriteFinalStage(input: RewriteInput): Rewrite {
  const { model, stage, eol } = input;
  const text = model.root.text;
  const from = stage.from;
  if (!from.image) return { missing: 'the base image' };
  const lower = from.keywordToken.text === from.keywordToken.text.toLowerCase();
  const kw = (keyword: string): string => (lower ? keyword.toLowerCase() : keyword);
  const asWord = from.asKeyword?.text ?? kw('AS');
  const leading = leadingText(model, from);

  const builder: Piece[] = [{ text: `${leading.comments}${text.slice(from.range[0], from.image.range[1])} ${asWord} ${input.builderName}`, blankBefore: false }];
  // The builder may run on the build platform to cross-compile; the runtime runs on the target platform.
  const flags = text.slice(from.keywordToken.range[1], from.image.range[0]).replace(/--platform=\$\{?BUILDPLATFORM\}?\s+/, '');
  const runtimeHeader = `${from.keywordToken.text}${flags}${input.runtimeImage}${from.stageName ? ` ${asWord} ${from.stageName.text}` : ''}`;
  const runtime: Piece[] = [{ text: runtimeHeader, blankBefore: false }];
  const runtimeCopies: Piece[] = [];

  for (const route of input.routes) {
    const node = route.node;
    const { comments, blankBefore } = leadingText(model, node);
    const own = text.slice(node.range[0], node.range[1]);
    if (route.builder) builder.push({ text: comments + own, blankBefore });
    if (!route.runtime) continue;
    const runtimeComments = route.builder ? '' : comments;
    if (node.type === 'COPY' || node.type === 'ADD') {
      const copied = runtimeCopyText(model, node, input.runtimeWorkdir);
      if (copied === null) return { missing: `where ${node.keyword} ${node.argsText.trim()} lands once it moves after the artifact` };
      runtimeCopies.push({ text: runtimeComments + copied, blankBefore });
    } else {
      const printed = node.type === 'CMD' || node.type === 'ENTRYPOINT' ? adjustEntryText(model, node, input.plan.moves) : own;
      runtime.push({ text: runtimeComments + printed, blankBefore });
    }
  }
  // A WORKDIR inherited from a parent stage does not carry over to the new base image.
  if (input.runtimeWorkdir !== '/' && !input.routes.some((r) => r.runtime && r.node.type === 'WORKDIR')) {
    runtime.splice(1, 0, { text: `${kw('WORKDIR')} ${input.runtimeWorkdir}`, blankBefore: false });
  }
  for (const step of input.plan.builderSteps) builder.push({ text: `${kw('RUN')} ${step}`, blankBefore: false });
  const artifactLines = input.plan.copies.map((c) => `${kw('COPY')} --from=${input.builderName} ${c.source} ${input.runtimeWorkdirKnown ? destText(c, input.runtimeWorkdir) : c.dest}`);
  runtime.push({ text: artifactLines.join(eol), blankBefore: runtime.length > 1 });
  runtime.push(...runtimeCopies);

  const lastNode = stage.instructions.at(-1) ?? from;
  const trailing = text.slice(lastNode.range[1]);
  const printed = `${print(builder, eol)}${eol}${eol}${print(runtime, eol)}${trailing}`;
  return { range: [leading.start, text.length], text: printed };
}

function print(pieces: readonly Piece[], eol: string): string {
  return pieces.map((p, i) => (i > 0 && p.blankBefore ? eol : '') + p.text).join(eol);
}

/** The comment lines right above `node` (after the previous instruction), and whether a blank line precedes them. */
function leadingText(model: DockerfileModel, node: InstructionNode): { comments: string; blankBefore: boolean; start: number } {
  const root = model.root;
  const previous = root.instructions[node.index - 1];
  const after = previous ? previous.range[1] : (root.directives.at(-1)?.range[1] ?? 0);
  const comments = root.comments.filter((c) => c.range[0] >= after && c.range[1] <= node.range[0]);
  const start = comments[0]?.range[0] ?? node.range[0];
  const gap = root.text.slice(after, start);
  const eol = root.eol;
  return {
    comments: comments.map((c) => root.text.slice(c.range[0], c.range[1]) + eol).join(''),
    blankBefore: (gap.match(/\n/g) ?? []).length >= 2,
    start,
  };
}

/**
 * How the artifact COPY names its destination: relative to the runtime WORKDIR when it lands below
 * it, absolute otherwise (also without a WORKDIR: the runtime image may set its own).
 */
function destText(copy: ArtifactCopy, workdir: string): string {
  if (workdir === '/' || !isUnder(copy.dest, workdir)) return copy.destIsDir && copy.dest !== '/' ? `${copy.dest}/` : copy.dest;
  if (copy.sourceIsFile && !copy.destIsDir && posix.dirname(copy.dest) === workdir && posix.basename(copy.dest) === posix.basename(copy.source)) return '.';
  const relative = posix.relative(workdir, copy.dest);
  if (relative === '') return '.';
  return copy.destIsDir ? `./${relative}/` : `./${relative}`;
}

/**
 * A COPY of run-time files moves after every WORKDIR of the runtime stage: when the WORKDIR in
 * force differs there, its relative destination becomes absolute.
 */
function runtimeCopyText(model: DockerfileModel, node: InstructionNode, runtimeWorkdir: string): string | null {
  const text = model.root.text;
  const own = text.slice(node.range[0], node.range[1]);
  const state = model.stateAt(node);
  const info = model.copyInfo(node);
  if (state.workdir === runtimeWorkdir || !info.dest || info.dest.value.startsWith('/')) return own;
  if (!state.workdirKnown || info.destPath === null || node.execForm) return null;
  const absolute = info.destIsDir ? `${info.destPath.replace(/\/$/, '')}/` : info.destPath;
  const start = info.dest.range[0] - node.range[0];
  return own.slice(0, start) + absolute + own.slice(info.dest.range[1] - node.range[0]);
}
