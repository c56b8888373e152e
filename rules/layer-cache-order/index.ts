import { defineRule, type InstructionNode, type RuleContext, type Stage } from '@dockerfile-opt/core';
import { contextCopy, copiesGoEmbeds, type ContextCopy } from './copies.js';
import { manifestFirstFix, manifestsOf, volatileLastFix, type BrokenStep, type StageScan } from './fixes.js';
import { covers, expensiveSteps, runReads, runStatus, type RunReads } from './reads.js';

export default defineRule({
  id: 'layer-cache-order',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: [],
    description: 'Files that change often are copied after the slow steps that do not read them, so those steps stay cached.',
    messages: {
      volatile:
        '"{{source}}" is copied before "{{step}}" (line {{line}}), which does not read it: every change to it re-runs that step. Copy it after that step.',
      broad:
        '"{{source}}" copies more than "{{step}}" (line {{line}}) reads ({{manifests}}): every change to the other files re-runs it. Copy the manifests and install first.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        for (const stage of ctx.model.stages) checkStage(ctx, stage);
      },
    };
  },
});

function checkStage(ctx: RuleContext, stage: Stage): void {
  const instructions = stage.instructions;
  const copies = new Map<InstructionNode, ContextCopy>();
  for (const node of instructions) {
    const copy = contextCopy(ctx.model, node, ctx.readContextFile);
    if (copy) copies.set(node, copy);
  }
  const goEmbeds = copiesGoEmbeds([...copies.values()], ctx.readContextFile);
  const readsCache = new Map<InstructionNode, RunReads>();
  const readsOf = (run: InstructionNode): RunReads => {
    let reads = readsCache.get(run);
    if (!reads) {
      reads = runReads(ctx.model, run, { readContextFile: ctx.readContextFile, goEmbeds });
      readsCache.set(run, reads);
    }
    return reads;
  };
  const scan: StageScan = { ctx, instructions, copies, readsOf };
  instructions.forEach((node, index) => {
    const copy = copies.get(node);
    if (!copy) return;
    const broken = brokenStep(scan, copy, index);
    if (!broken) return;
    const offending = broken.statuses.indexOf('some') >= 0 ? broken.statuses.indexOf('some') : broken.statuses.findIndex((s) => s !== 'all');
    const source = copy.sources[offending]?.source;
    if (!source) return;
    const isBroad = broken.statuses[offending] === 'some';
    const fix = isBroad ? manifestFirstFix(scan, copy, index, broken) : volatileLastFix(scan, copy, index, broken);
    ctx.report({
      node: source.token,
      messageId: isBroad ? 'broad' : 'volatile',
      data: {
        source: source.token.text,
        step: stepText(ctx.text, ctx.root.escapeChar, broken),
        line: broken.run.loc.start.line,
        manifests: isBroad ? manifestsOf(broken).join(', ') : '',
      },
      fix,
    });
  });
}

/**
 * The first install or build after `copy` whose cache the copy breaks: it does not read every file
 * the copy brings in. The search ends at a step that needs the copy (it cannot move past it).
 */
function brokenStep(scan: StageScan, copy: ContextCopy, index: number): BrokenStep | null {
  for (let j = index + 1; j < scan.instructions.length; j++) {
    const node = scan.instructions[j] as InstructionNode;
    // A later copy that brings the same files in again breaks the later steps whenever this one does.
    const later = scan.copies.get(node);
    if (later && copy.sources.every((s) => later.sources.some((l) => covers(l.path, s.path)))) return null;
    if (node.type !== 'RUN') continue;
    const reads = scan.readsOf(node);
    const statuses = copy.sources.map((s) => runStatus(reads, s.path));
    const expensive = expensiveSteps(reads);
    const first = expensive[0];
    if (first && statuses.some((s) => s !== 'all')) return { run: node, index: j, reads, statuses, steps: expensive, first };
    if (statuses.includes('all')) return null;
  }
  return null;
}

/** The step's command as written, on one line and at most 60 characters. */
function stepText(text: string, escapeChar: string, broken: BrokenStep): string {
  const [start, end] = broken.first.match.command.range;
  const oneLine = text
    .slice(start, end)
    .replace(/^[ \t]*#.*$/gm, '')
    .replaceAll(`${escapeChar}\n`, ' ')
    .replaceAll(`${escapeChar}\r\n`, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
