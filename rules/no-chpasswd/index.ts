import { defineRule } from '@dockerfile-opt/core';
import { invocations, runVisitors } from '../_shared/commands.js';

export default defineRule({
  id: 'no-chpasswd',
  meta: {
    category: 'security',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: [],
    description: 'RUN does not set passwords with `chpasswd`.',
    messages: {
      chpasswd: '"chpasswd" bakes a password into the image: its hash is in /etc/shadow of every copy, and the clear text is in the image history. Use key-based access, or set secrets at run time.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const invocation of invocations(ctx.model, run)) {
        if (invocation.program === 'chpasswd') ctx.report({ range: invocation.programWord.range, messageId: 'chpasswd' });
      }
    });
  },
});
