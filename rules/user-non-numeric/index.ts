import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'user-non-numeric',
  meta: {
    category: 'security',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3066'],
    description: 'The final stage sets USER by numeric id, which the host and Kubernetes can verify.',
    messages: {
      name: 'USER "{{user}}" is a name: use the numeric id ("USER 10001:10001") so runtimes can check it is not root.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      USER(node) {
        if (!ctx.model.stageOf(node)?.isFinal || !node.bodyRange) return;
        const value = ctx.model.expand(node.argsText.trim(), node).value;
        if (value === null) return;
        const uid = value.split(':')[0] ?? '';
        if (/^\d+$/.test(uid)) return;
        ctx.report({ range: node.bodyRange, messageId: 'name', data: { user: value } });
      },
    };
  },
});
