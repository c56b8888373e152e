import { defineRule } from '@dockerfile-opt/core';

const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  id: 'onbuild-invalid-trigger',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    sources: ['DL3043'],
    description: '`ONBUILD` does not trigger `ONBUILD`, `FROM` or `MAINTAINER`.',
    messages: {
      chained: 'ONBUILD cannot trigger another ONBUILD: chaining is not allowed.',
      disallowed: '{{keyword}} cannot be an ONBUILD trigger.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      ONBUILD(node) {
        const trigger = node.trigger;
        if (!trigger || !DISALLOWED.has(trigger.keyword.toUpperCase())) return;
        const keyword = trigger.keyword.toUpperCase();
        ctx.report({ node: trigger.keywordToken, messageId: keyword === 'ONBUILD' ? 'chained' : 'disallowed', data: { keyword } });
      },
    };
  },
});
