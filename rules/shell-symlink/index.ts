import { defineRule } from '@dockerfile-opt/core';
import { hasOption, invocations, parseArgs, runVisitors } from '../_shared/commands.js';
import { commandRange } from '../_shared/run-helpers.js';

const SH = /^(\/usr)?\/bin\/sh$/;

export default defineRule({
  id: 'shell-symlink',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL4005'],
    description: 'The shell of RUN is changed with SHELL, not by linking another shell to /bin/sh.',
    messages: {
      link: 'Linking another shell to /bin/sh changes the shell of every later RUN, and of every script in the image, behind the Dockerfile\'s back: use SHELL ["/bin/bash", "-c"] instead.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      // Under a SHELL of its own (`SHELL ["/busybox/sh", "-c"]` on distroless), the link provides a
      // /bin/sh for the image's scripts rather than switching the shell of RUN.
      if (ctx.model.stateAt(run).shell[0] !== '/bin/sh') return;
      for (const invocation of invocations(ctx.model, run)) {
        if (invocation.program !== 'ln') continue;
        const parsed = parseArgs(invocation.args, new Set(['-S', '--suffix', '-t', '--target-directory']));
        const target = parsed.operands.at(-1);
        if (!hasOption(parsed.options, ['-s', '--symbolic']) || parsed.operands.length < 2 || !target || !SH.test(target.value)) continue;
        ctx.report({ range: commandRange(invocation, target), messageId: 'link' });
      }
    });
  },
});
