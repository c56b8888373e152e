import { defineRule, type InstructionNode } from '@dockerfile-opt/core';
import { isRemoteSource } from '../_shared/archives.js';
import { stripQuotes } from '../_shared/quoting.js';

/** The path climbs above its starting directory (`../x`, `a/../../x`). */
function leavesContext(path: string): boolean {
  let depth = 0;
  for (const part of path.split(/[/\\]/)) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

export default defineRule({
  id: 'copy-source-outside-context',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    sources: [],
    description: 'COPY and ADD sources stay inside the build context (no `../`).',
    messages: {
      outside:
        '"{{source}}" points above the build context: the classic builder rejects it and BuildKit reads it from the context root instead. Move the file into the context or widen the context.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      const info = ctx.model.copyInfo(node);
      if (info.from || node.flags.some((f) => f.name.toLowerCase() === 'from')) return;
      // Exec-form sources have no token of their own: report them on the argument list.
      const sources = node.execForm
        ? node.execForm.slice(0, -1).map((value) => ({ value, node: node.bodyRange ? { range: node.bodyRange } : node }))
        : info.sources.map((s) => ({ value: s.token.value, node: s.token }));
      for (const source of sources) {
        const expanded = ctx.model.expand(source.value, node).value;
        if (expanded === null || isRemoteSource(expanded)) continue;
        const path = node.execForm ? expanded : stripQuotes(expanded);
        if (leavesContext(path)) ctx.report({ range: source.node.range, messageId: 'outside', data: { source: path } });
      }
    };
    return { COPY: check, ADD: check };
  },
});
