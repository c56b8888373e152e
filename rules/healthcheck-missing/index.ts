import { defineRule, type Stage } from '@dockerfile-opt/core';

function hasHealthcheck(stage: Stage): boolean {
  if (stage.instructions.some((n) => n.type === 'HEALTHCHECK')) return true;
  return stage.base.kind === 'stage' && hasHealthcheck(stage.base.stage);
}

export default defineRule({
  id: 'healthcheck-missing',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3057'],
    description: 'The final stage declares a HEALTHCHECK (or HEALTHCHECK NONE).',
    messages: {
      missing: 'The final stage has no HEALTHCHECK: add one so orchestrators can tell when the container is unhealthy (or HEALTHCHECK NONE).',
    },
    schema: [],
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const stage = ctx.model.finalStage;
        if (!stage || hasHealthcheck(stage)) return;
        ctx.report({ node: stage.from.image ?? stage.from.keywordToken, messageId: 'missing' });
      },
    };
  },
});
