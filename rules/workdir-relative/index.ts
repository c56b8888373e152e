import { defineRule, type ArgumentNode, type DockerfileModel, type InstructionNode, type TextEdit } from '@dockerfile-opt/core';
import { stripQuotes } from '../_shared/quoting.js';

function isAbsolute(path: string): boolean {
  // A drive path (C:\app, c:/app) is absolute in a Windows image.
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * The edit that makes the path of a first WORKDIR of a scratch stage absolute: `app` → `/app`,
 * `"./my app"` → `"/my app"`, `.` → `/` (the path starts at `word`, the first argument).
 */
function absolutePathEdit(word: ArgumentNode): TextEdit {
  const quote = /^["']/.test(word.text) ? 1 : 0;
  const dotPrefix = /^\.(\/+|(?=["']?$))/.exec(word.text.slice(quote))?.[0] ?? '';
  const start = word.range[0] + quote;
  return { range: [start, start + dotPrefix.length], text: '/' };
}

/** Whether the stage (or a stage it is built on) has a WORKDIR before `node`. */
function hasEarlierWorkdir(model: DockerfileModel, node: InstructionNode): boolean {
  for (let stage = model.stageOf(node); stage; stage = stage.base.kind === 'stage' ? stage.base.stage : null) {
    if (stage.instructions.some((other) => other.type === 'WORKDIR' && other.range[0] < node.range[0])) return true;
  }
  return false;
}

/** Whether the stage is built on `scratch`, directly or through other stages of the file. */
function startsFromScratch(model: DockerfileModel, node: InstructionNode): boolean {
  let stage = model.stageOf(node);
  while (stage?.base.kind === 'stage') stage = stage.base.stage;
  return stage?.base.kind === 'scratch';
}

export default defineRule({
  id: 'workdir-relative',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['DL3000', 'WorkdirRelativePath'],
    description: 'WORKDIR is an absolute path, so it does not depend on the base image\'s working directory.',
    messages: {
      relative: 'WORKDIR "{{path}}" is relative and no absolute WORKDIR comes before it: it depends on the base image.',
      relativeTrigger: 'ONBUILD WORKDIR "{{path}}" is relative: it depends on the working directory of whatever image builds on this one.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      WORKDIR(node) {
        const arg = node.args[0];
        if (!arg) return;
        // The path after expansion and quote removal (`WORKDIR "$APP"` with `ARG APP=/srv`).
        const target = ctx.model.workdirTarget(node);
        if (target === null) return;
        const value = stripQuotes(target);
        if (isAbsolute(value)) return;
        const state = ctx.model.stateAt(node);
        const earlier = hasEarlierWorkdir(ctx.model, node);
        // Resolved against an absolute WORKDIR (or the `/` of scratch after a first WORKDIR).
        if (state.workdirKnown && earlier) return;
        // A first WORKDIR of a stage built on scratch starts at `/`: prefixing it with `/` is exact.
        const exact = !earlier && startsFromScratch(ctx.model, node);
        // WORKDIR takes the rest of the line as one path (`WORKDIR "my app"` is two argument words).
        const last = node.args.at(-1) ?? arg;
        ctx.report({
          range: [arg.range[0], last.range[1]],
          messageId: 'relative',
          data: { path: value },
          fix: exact ? { description: 'Make the path absolute', edits: [absolutePathEdit(arg)] } : null,
        });
      },
      ONBUILD(node) {
        const trigger = node.trigger;
        const arg = trigger?.type === 'WORKDIR' ? trigger.args[0] : undefined;
        if (!arg) return;
        const path = stripQuotes(arg.value);
        if (path.startsWith('$') || isAbsolute(path)) return;
        ctx.report({ node: arg, messageId: 'relativeTrigger', data: { path } });
      },
    };
  },
});
