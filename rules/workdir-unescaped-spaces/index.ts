import { defineRule, type TextEdit } from '@dockerfile-opt/core';
import { scanQuotes } from '../_shared/quoting.js';

export default defineRule({
  id: 'workdir-unescaped-spaces',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: false,
    fixable: 'always',
    fixSafety: 'safe',
    sources: [],
    description: 'A WORKDIR path with spaces escapes or quotes them, so it reads as one path.',
    messages: {
      spaces: 'WORKDIR "{{path}}" holds unescaped spaces: escape or quote them so the path reads as one argument.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      WORKDIR(node) {
        if (!node.bodyRange || node.execForm) return;
        const [start, end] = node.bodyRange;
        const body = ctx.text.slice(start, end);
        if (/[\r\n]/.test(body)) return;
        const scan = scanQuotes(body, ctx.root.escapeChar);
        if (scan.bareSpaces.length === 0) return;
        // Quoting reads best; a path that already holds quotes or escapes keeps them and escapes each space.
        const edits: TextEdit[] = scan.hasQuotingSyntax
          ? scan.bareSpaces.map((i) => ({ range: [start + i, start + i], text: ctx.root.escapeChar }))
          : [
              { range: [start, start], text: '"' },
              { range: [end, end], text: '"' },
            ];
        ctx.report({ range: node.bodyRange, messageId: 'spaces', data: { path: body }, fix: { edits } });
      },
    };
  },
});
