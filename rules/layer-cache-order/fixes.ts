/**
 * The two rewrites: move a copy of files a slow step does not read after it (volatile-last), or
 * copy the manifests and run the install before a copy of the whole tree (manifest-first).
 */
import { isUnder, resolveImagePath, type FixDescriptor, type InstructionNode, type RuleContext } from '@dockerfile-opt/core';
import type { Ecosystem } from '../knowledge/ecosystems.js';
import type { ContextCopy } from './copies.js';
import { moveAfter, moveBefore, sameState } from './moves.js';
import { copiedOverlap, relativeTo, runStatus, stepStatus, type CopiedPath, type ReadStatus, type ReadStep, type RunReads } from './reads.js';

export interface StageScan {
  ctx: RuleContext;
  instructions: readonly InstructionNode[];
  /** The stage's copies from the build context. */
  copies: ReadonlyMap<InstructionNode, ContextCopy>;
  readsOf(run: InstructionNode): RunReads;
}

type ExpensiveStep = Extract<ReadStep, { kind: 'install' | 'build' }>;

export interface BrokenStep {
  run: InstructionNode;
  index: number;
  reads: RunReads;
  /** How much of each source of the copy the RUN reads. */
  statuses: ReadStatus[];
  steps: ExpensiveStep[];
  first: ExpensiveStep;
}

/** Build tool wrappers that also need their own directory (`.mvn/`, `gradle/`), which a file list cannot name. */
const WRAPPERS = new Set(['mvnw', 'gradlew']);

/** Instructions an install may move above: they neither change the state nor produce its inputs. */
const INERT = new Set(['LABEL', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'MAINTAINER']);

/** Move the copy after the last RUN it can pass: one that does not read it, with the same state. */
export function volatileLastFix(scan: StageScan, copy: ContextCopy, index: number, broken: BrokenStep): FixDescriptor | null {
  if (broken.statuses.some((s) => s !== 'none')) return null;
  const { ctx, instructions } = scan;
  const state = ctx.model.stateAt(copy.node);
  let target: InstructionNode | null = null;
  for (let j = index + 1; j < instructions.length; j++) {
    const node = instructions[j] as InstructionNode;
    if (node.type === 'RUN') {
      const reads = scan.readsOf(node);
      if (copy.sources.some((s) => runStatus(reads, s.path) !== 'none')) break;
      if (sameState(ctx.model.stateAt(node), state)) target = node;
    } else if (node.type === 'COPY' || node.type === 'ADD') {
      const written = writtenBy(scan, node);
      if (!written || copy.sources.some((s) => written.some((w) => copiedOverlap(s.path, w)))) break;
    } else if (node.type === 'WORKDIR') {
      // A WORKDIR at or below a copied file would turn its path into a directory first.
      const value = ctx.model.expand(node.argsText.trim(), node).value;
      const dir = value === null ? null : resolveImagePath(ctx.model.stateAt(node).workdir, value);
      if (dir === null || copy.sources.some((s) => s.path.kind === 'file' && isUnder(dir, s.path.path))) break;
    } else if (node.type === 'VOLUME' || node.type === 'ONBUILD') break;
  }
  if (!target || target.index < broken.run.index) return null;
  // Copies already moved after that RUN stay first: several moved copies keep their order.
  for (let j = instructions.indexOf(target) + 1; j < instructions.length; j++) {
    const next = scan.copies.get(instructions[j] as InstructionNode);
    if (!next || copy.sources.some((s) => next.sources.some((n) => copiedOverlap(s.path, n.path)))) break;
    target = next.node;
  }
  return { description: `Copy after line ${target.loc.end.line}`, edits: moveAfter(ctx.root, copy.node, target, ctx.eol) };
}

function writtenBy(scan: StageScan, node: InstructionNode): CopiedPath[] | null {
  const copy = scan.copies.get(node);
  if (copy) return copy.sources.map((s) => s.path);
  const dest = scan.ctx.model.copyInfo(node).destPath;
  return dest === null ? null : [{ kind: 'tree', path: dest }];
}

/**
 * Insert `COPY <manifests> <dir>` before the broad copy and move the install RUN up after it. Only
 * when the RUN is nothing but installs of one ecosystem in one directory, nothing between the copy
 * and the RUN feeds it, and the state in force is the same at both places.
 */
export function manifestFirstFix(scan: StageScan, copy: ContextCopy, index: number, broken: BrokenStep): FixDescriptor | null {
  const { ctx, instructions } = scan;
  const tree = copy.sources[0]?.path;
  if (copy.sources.length !== 1 || tree?.kind !== 'tree' || broken.steps.some((s) => s.kind === 'build')) return null;
  // `--parents` keeps the source path under the destination: the manifest copy would land elsewhere.
  if (copy.node.flags.some((f) => f.name.toLowerCase() === 'parents')) return null;
  const installs = broken.steps;
  const first = broken.first;
  const ecosystem = first.match.ecosystem;
  if (installs.some((s) => s.match.ecosystem !== ecosystem || s.cwd !== first.cwd)) return null;
  if (!ecosystem.installWorksWithManifestsOnly || installs.some((s) => WRAPPERS.has(s.match.program))) return null;
  if (!isUnder(first.cwd, tree.path) || !sameState(ctx.model.stateAt(copy.node), ctx.model.stateAt(broken.run))) return null;
  for (let j = index + 1; j < broken.index; j++) {
    const node = instructions[j] as InstructionNode;
    if (INERT.has(node.type)) continue;
    if (node.type !== 'COPY' && node.type !== 'ADD') return null;
    const written = writtenBy(scan, node);
    if (!written || written.some((w) => broken.reads.steps.some((step) => stepStatus(step, w) !== 'none'))) return null;
  }
  const contextDir = resolveImagePath(`/${copy.sources[0]?.source.value ?? '.'}`, relativeTo(tree.path, first.cwd)).slice(1);
  const manifests = manifestFiles(ctx, ecosystem, broken, contextDir);
  if (!manifests || manifests.some((m) => /\s/.test(m))) return null;
  const prefix = alreadyCopied(scan, index, broken, manifests) ? [] : [manifestCopyLine(ctx, copy, manifests, first.cwd)];
  return { description: 'Copy the manifests and install first', edits: moveBefore(ctx.root, broken.run, copy.node, prefix, ctx.eol) };
}

/** The manifests the broken install reads, for the message. */
export function manifestsOf(broken: BrokenStep): string[] {
  const named = namedInputs(broken);
  if (named.length > 0) return named;
  const ecosystem = broken.first.match.ecosystem;
  return ecosystem.manifestCopy.length > 0 ? [...ecosystem.manifestCopy] : ecosystem.manifests.slice(0, 3).map((m) => m.replace(/^\*\*\//, ''));
}

/** Manifests the install names itself (`-r requirements.txt`, `dotnet restore App.csproj`). */
function namedInputs(broken: BrokenStep): string[] {
  const named = new Set<string>();
  for (const step of broken.steps) {
    if (step.kind !== 'install') continue;
    for (const path of step.manifests.slice(step.match.ecosystem.manifests.length)) named.add(path.replace(/^(\.\/)+/, ''));
  }
  return [...named];
}

/**
 * The manifest paths in the context: what the install names, else the ecosystem's manifests that
 * the context holds (when it can be read), else its usual set. Null when no safe list exists.
 */
function manifestFiles(ctx: RuleContext, ecosystem: Ecosystem, broken: BrokenStep, contextDir: string): string[] | null {
  const inContext = (name: string): string => (contextDir === '' ? name : `${contextDir}/${name}`);
  const read = ctx.readContextFile;
  const named = namedInputs(broken);
  if (ecosystem.id === 'dotnet') {
    // A restore also reads the projects a project references: only a lone project is known to be enough.
    const project = named.length === 1 ? read?.(inContext(named[0] as string)) : null;
    return project && !project.includes('<ProjectReference') ? named.map(inContext) : null;
  }
  if (named.length > 0) return named.map(inContext);
  if (read) {
    const present = ecosystem.manifests.filter((m) => !/[*?[/]/.test(m) && read(inContext(m)) !== null);
    // Yarn 2+ runs the release under .yarn/, a directory a file list cannot name.
    if (present.includes('.yarnrc.yml')) return null;
    if (present.length > 0) return present.map(inContext);
  }
  return ecosystem.manifestCopy.length > 0 ? ecosystem.manifestCopy.map(inContext) : null;
}

/** An earlier copy of the stage already brings in exactly these manifests. */
function alreadyCopied(scan: StageScan, index: number, broken: BrokenStep, manifests: readonly string[]): boolean {
  const copied = new Set<string>();
  for (const node of scan.instructions.slice(0, index)) {
    for (const { source, path } of scan.copies.get(node)?.sources ?? []) {
      if (broken.steps.some((step) => stepStatus(step, path) === 'all')) copied.add(source.value.replace(/^(\.\/)+/, ''));
    }
  }
  return manifests.every((m) => copied.has(m));
}

function manifestCopyLine(ctx: RuleContext, copy: ContextCopy, manifests: readonly string[], cwd: string): string {
  const keyword = copy.node.keywordToken.text === copy.node.keywordToken.text.toLowerCase() ? 'copy' : 'COPY';
  const flags = copy.node.flags.map((f) => ctx.text.slice(f.range[0], f.range[1]));
  const workdir = ctx.model.stateAt(copy.node).workdir;
  const dest = cwd === workdir ? './' : isUnder(cwd, workdir) && workdir !== '/' ? `${relativeTo(workdir, cwd)}/` : `${cwd}/`;
  return [keyword, ...flags, ...manifests, dest].join(' ');
}
