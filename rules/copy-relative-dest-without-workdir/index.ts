import { defineRule, type InstructionNode, type Stage } from '@dockerfile-opt/core';
import { stripQuotes } from '../_shared/quoting.js';

/** The stage chain starts from scratch, whose working directory is `/`. */
function startsFromScratch(stage: Stage): boolean {
  if (stage.base.kind === 'scratch') return true;
  return stage.base.kind === 'stage' && startsFromScratch(stage.base.stage);
}

export default defineRule({
  id: 'copy-relative-dest-without-workdir',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3045'],
    description: 'COPY and ADD to a relative destination only after an absolute WORKDIR, so the target does not depend on the base image.',
    messages: {
      relative: 'Relative destination "{{dest}}" with no WORKDIR set in this stage: where it lands depends on the base image. Set WORKDIR or use an absolute path.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      const info = ctx.model.copyInfo(node);
      const written = node.execForm ? node.execForm.at(-1) : info.dest?.value;
      if (written === undefined || (!node.execForm && !info.dest)) return;
      const expanded = ctx.model.expand(written, node).value;
      const dest = expanded === null || node.execForm ? expanded : stripQuotes(expanded);
      if (dest === null || dest.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('\\')) return;
      const state = ctx.model.stateAt(node);
      if (state.workdirKnown || !state.stage || startsFromScratch(state.stage)) return;
      ctx.report({ range: info.dest?.range ?? node.bodyRange ?? node.range, messageId: 'relative', data: { dest: written } });
    };
    return { COPY: check, ADD: check };
  },
});
