import { defineRule, type InstructionNode, type RuleContext, type TextEdit } from '@dockerfile-opt/core';
import { stripQuotes } from '../_shared/quoting.js';

/** Destinations Docker already treats as directories (a trailing backslash is the separator of Windows images). */
function namesDirectory(dest: string): boolean {
  return /[/\\]$/.test(dest) || /(^|[/\\])\.\.?$/.test(dest);
}

/** Where to insert the `/`: after the destination token, or inside its closing quote. */
function slashEdit(ctx: RuleContext, node: InstructionNode): { range: [number, number]; edit: TextEdit } | null {
  if (node.execForm) {
    if (!node.bodyRange) return null;
    const body = ctx.text.slice(node.bodyRange[0], node.bodyRange[1]);
    const closing = node.bodyRange[0] + body.lastIndexOf('"');
    const opening = ctx.text.lastIndexOf('"', closing - 1);
    return { range: [opening, closing + 1], edit: { range: [closing, closing], text: '/' } };
  }
  const dest = ctx.model.copyInfo(node).dest;
  if (!dest) return null;
  const quoted = /^(["']).*\1$/.test(dest.text) && dest.text.length > 1;
  const at = quoted ? dest.range[1] - 1 : dest.range[1];
  return { range: dest.range, edit: { range: [at, at], text: '/' } };
}

export default defineRule({
  id: 'copy-dest-dir-slash',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3021'],
    description: 'A COPY or ADD with several sources has a destination ending in `/`.',
    messages: {
      slash: '{{keyword}} with {{count}} sources needs a directory destination ending in "/": "{{dest}}/".',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      const info = ctx.model.copyInfo(node);
      const count = node.execForm ? node.execForm.length - 1 : info.sources.length + info.heredocSources;
      if (count < 2) return;
      const written = node.execForm ? (node.execForm.at(-1) as string) : info.dest?.value;
      if (written === undefined) return;
      const dest = ctx.model.expand(written, node).value;
      if (dest === null || namesDirectory(node.execForm ? dest : stripQuotes(dest))) return;
      const where = slashEdit(ctx, node);
      if (!where) return;
      ctx.report({
        range: where.range,
        messageId: 'slash',
        data: { keyword: node.keyword, count, dest: written },
        fix: { edits: [where.edit] },
      });
    };
    return { COPY: check, ADD: check };
  },
});
