import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'from-first',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    sources: ['DL3061'],
    description: 'The first instruction is `FROM` (after global `ARG`s, comments and parser directives).',
    messages: {
      beforeFrom: '{{keyword}} comes before the first FROM: only ARG (and comments) may precede it.',
      noFrom: 'This Dockerfile has no FROM instruction, so there is no image to build.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Dockerfile(root) {
        // unknown instructions are parse errors already (often template syntax such as `{{`)
        const first = root.instructions.find((node) => node.type !== 'ARG' && node.type !== 'Instruction');
        if (first && first.type !== 'FROM') {
          ctx.report({ node: first.keywordToken, messageId: 'beforeFrom', data: { keyword: first.keyword.toUpperCase() } });
        } else if (!first && root.instructions.length > 0) {
          ctx.report({ node: (root.instructions[0] as (typeof root.instructions)[number]).keywordToken, messageId: 'noFrom' });
        }
      },
    };
  },
});
