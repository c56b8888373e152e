import { defineRule, type InstructionNode, type Stage } from '@dockerfile-opt/core';

export interface FinalUserRootOptions {
  /** Also report a final stage that never sets USER (it runs as the base image's user, often root). */
  requireUser?: boolean;
}

/** The last USER that takes effect in `stage`, looking into the stages it is built FROM. */
function lastUser(stage: Stage): InstructionNode | null {
  const own = stage.instructions.filter((n) => n.type === 'USER').at(-1);
  if (own) return own;
  return stage.base.kind === 'stage' ? lastUser(stage.base.stage) : null;
}

export default defineRule<[FinalUserRootOptions]>({
  id: 'final-user-root',
  meta: {
    category: 'security',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3002'],
    description: 'The final stage does not switch back to root as its last USER.',
    messages: {
      root: 'The image runs as root: the last USER of the final stage is "{{user}}". Switch to an unprivileged user at the end.',
      noUser: 'The final stage never sets USER, so it runs as the base image\'s user, often root: add a USER with an unprivileged id.',
    },
    schema: [{ type: 'object', properties: { requireUser: { type: 'boolean' } }, additionalProperties: false }],
    defaultOptions: [{ requireUser: false }],
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const stage = ctx.model.finalStage;
        if (!stage) return;
        const user = lastUser(stage);
        if (!user && ctx.options[0]?.requireUser) ctx.report({ node: stage.from.image ?? stage.from.keywordToken, messageId: 'noUser' });
        if (!user || !user.bodyRange) return;
        const value = ctx.model.expand(user.argsText.trim(), user).value;
        if (value === null) return;
        const name = value.split(':')[0] ?? '';
        if (name !== 'root' && name !== '0') return;
        ctx.report({ range: user.bodyRange, messageId: 'root', data: { user: value } });
      },
    };
  },
});
