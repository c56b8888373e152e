import { defineRule } from '@dockerfile-opt/core';
import { hasOption, invocations, runVisitors } from '../_shared/commands.js';
import { mayBeBusyBox } from '../_shared/run-helpers.js';

/** Options that already keep the log short, or send it elsewhere. */
const QUIET = ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

export default defineRule({
  id: 'wget-progress',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: false,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3047'],
    description: '`wget` runs with `--progress=dot:giga`, `-q` or `-nv`, so that large downloads do not flood the build log.',
    messages: {
      noProgress: '"wget" without --progress prints a progress line for every few kilobytes: add --progress=dot:giga, or -nv / -q.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const invocation of invocations(ctx.model, run)) {
        if (invocation.program !== 'wget' || hasOption(invocation.args, QUIET)) continue;
        const word = invocation.programWord;
        ctx.report({
          range: word.range,
          messageId: 'noProgress',
          fix: {
            description: 'Add --progress=dot:giga',
            // BusyBox wget rejects --progress: there the fix may break the build.
            safety: mayBeBusyBox(ctx.model, run) ? 'unsafe' : 'safe',
            edits: [{ range: [word.range[1], word.range[1]], text: ' --progress=dot:giga' }],
          },
        });
      }
    });
  },
});
