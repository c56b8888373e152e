import { defineRule, type FixDescriptor } from '@dockerfile-opt/core';
import { runVisitors } from '../_shared/commands.js';

const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0']);

export default defineRule({
  id: 'no-sudo',
  meta: {
    category: 'security',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: ['DL3004'],
    description: 'RUN does not use sudo: switch users with USER, or gosu/su-exec at run time.',
    messages: {
      sudo: '"sudo" in a build behaves unpredictably (TTY, password prompts, a reset environment) and leaves sudo in the image: use USER to switch users, or gosu at run time.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      const user = ctx.model.stateAt(run).user;
      // An ONBUILD trigger runs as whatever user the downstream build has set.
      const asRoot = !run.onbuildParent && (user === null || ROOT_USERS.has(user));
      for (const script of ctx.model.shell(run)) {
        for (const command of script.commands) {
          const name = command.name;
          if (name?.value !== 'sudo') continue;
          const next = command.args[0];
          // As root, plain `sudo cmd` runs `cmd` as root: dropping it keeps the user (not sudo's reset environment).
          const fix: FixDescriptor | null =
            asRoot && next && !next.value.startsWith('-')
              ? { description: 'Remove sudo (the RUN already runs as root)', edits: [{ range: [name.range[0], next.range[0]], text: '' }] }
              : null;
          ctx.report({ range: name.range, messageId: 'sudo', fix });
        }
      }
    });
  },
});
