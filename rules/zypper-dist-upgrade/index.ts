import { defineRule } from '@dockerfile-opt/core';
import { runVisitors } from '../_shared/commands.js';
import { packageManagerCalls } from '../_shared/package-managers.js';
import { commandRange } from '../_shared/run-helpers.js';

export default defineRule({
  id: 'zypper-dist-upgrade',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3035'],
    description: '`zypper dist-upgrade` does not belong in a Dockerfile: start from a newer base image instead.',
    messages: {
      distUpgrade: '"{{command}}" upgrades the whole distribution inside the image, which may change its release and bloats the layer: use a newer base image instead.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        const subcommand = call.subcommand;
        if (call.manager !== 'zypper' || (subcommand?.value !== 'dist-upgrade' && subcommand?.value !== 'dup')) continue;
        ctx.report({ range: commandRange(call.invocation, subcommand), messageId: 'distUpgrade', data: { command: `zypper ${subcommand.value}` } });
      }
    });
  },
});
