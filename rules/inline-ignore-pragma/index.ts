import { defineRule } from '@dockerfile-opt/core';

const PRAGMA = /^\s*(hadolint|dockerfile-opt)\s+((global|stage)\s+)?ignore\s*=/;

export default defineRule({
  id: 'inline-ignore-pragma',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL1001'],
    description: 'Findings are silenced in the configuration, not with inline ignore comments.',
    messages: {
      pragma: 'Inline ignore comment: silence findings in the configuration file instead, where they are reviewed together.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Dockerfile(root) {
        const comments = [...root.comments, ...root.instructions.flatMap((n) => n.innerComments)];
        for (const comment of comments) {
          if (PRAGMA.test(comment.value)) ctx.report({ node: comment, messageId: 'pragma' });
        }
      },
    };
  },
});
