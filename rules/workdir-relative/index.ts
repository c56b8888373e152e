import { defineRule } from '@dockerfile-opt/core';

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
    },
    schema: [],
  },
  create(ctx) {
    return {
      WORKDIR(node) {
        const arg = node.args[0];
        if (!arg) return;
        const value = ctx.model.expand(arg.value, node).value;
        if (value === null || value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) return;
        const state = ctx.model.stateAt(node);
        if (state.workdirKnown) return;
        const stage = state.stage;
        // A stage from scratch or a Dockerfile stage with no WORKDIR starts at `/`: the fix is exact.
        const startsAtRoot = stage !== null && stage.base.kind === 'scratch';
        ctx.report({
          node: arg,
          messageId: 'relative',
          data: { path: value },
          fix: startsAtRoot ? { edits: [{ range: arg.range, text: `/${arg.text}` }] } : null,
        });
      },
    };
  },
});
