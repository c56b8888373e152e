import { defineRule, type ShellCommand } from '@dockerfile-opt/core';
import { runVisitors } from '../_shared/commands.js';

interface Options {
  /** Report every `cd` outside a subshell, not only one that starts the RUN (hadolint's behaviour). */
  everywhere?: boolean;
}

export default defineRule<[Options]>({
  id: 'prefer-workdir',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3003'],
    description: 'A RUN that starts with `cd` uses WORKDIR instead.',
    messages: {
      cd: '"cd" at the start of a RUN lasts for this RUN only: set the directory with WORKDIR, which later instructions see too.',
      cdAnywhere: '"cd" changes the directory for the rest of this RUN only: prefer WORKDIR, or scope it in a subshell "( cd dir && ... )".',
    },
    schema: [{ type: 'object', properties: { everywhere: { type: 'boolean' } }, additionalProperties: false }],
    defaultOptions: [{ everywhere: false }],
  },
  create(ctx) {
    const everywhere = ctx.options[0]?.everywhere ?? false;
    const isCd = (command: ShellCommand): boolean => command.name?.value === 'cd' && !command.inSubshell;
    return runVisitors((run) => {
      for (const script of ctx.model.shell(run)) {
        const commands = script.commands.filter((c) => c.name !== null || c.redirects.length > 0);
        if (everywhere) {
          for (const command of commands.filter(isCd)) ctx.report({ range: command.range, messageId: 'cdAnywhere' });
          continue;
        }
        // `set -e` and the like may come first.
        const first = commands.find((c) => c.name?.value !== 'set');
        if (first && isCd(first) && commands.length > 1) ctx.report({ range: first.range, messageId: 'cd' });
      }
    });
  },
});
