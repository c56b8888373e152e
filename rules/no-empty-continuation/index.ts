import { defineRule, type InstructionNode } from '@dockerfile-opt/core';

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

export default defineRule({
  id: 'no-empty-continuation',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    // the builder skips these lines, so removing them changes nothing it sees
    fixSafety: 'safe',
    sources: ['NoEmptyContinuation'],
    description: 'No empty lines inside an instruction continued with `\\`.',
    messages: {
      empty: 'Empty line inside a continued {{keyword}}: the builder skips it (future versions will reject it), and it hides that the instruction goes on.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      // heredoc bodies may contain empty lines: only look before the first one
      const end = node.heredocs.reduce((min, h) => Math.min(min, h.contentRange?.[0] ?? h.range[1]), node.range[1]);
      // Most instructions are one line: nothing to look at, and no need to match it.
      if (!hasLineBreak(ctx.text, node.range[0], end)) return;
      const line = /([^\r\n]*)(\r\n|\r|\n|$)/g;
      line.lastIndex = node.range[0];
      let first = true;
      for (let m = line.exec(ctx.text); m && m.index < end; m = line.exec(ctx.text)) {
        const [whole, content] = m as unknown as [string, string];
        if (!first && /^[ \t]*$/.test(content)) {
          const range: [number, number] = [m.index, m.index + whole.length];
          ctx.report({ range, messageId: 'empty', data: { keyword: node.keyword }, fix: { edits: [{ range, text: '' }] } });
        }
        first = false;
        if (whole === '') break;
      }
    };
    return { '*': check };
  },
});
