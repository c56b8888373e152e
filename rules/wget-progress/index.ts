import { defineRule, type DockerfileModel, type InstructionNode } from '@dockerfile-opt/core';
import { hasOption, invocations, runVisitors } from '../_shared/commands.js';

/** Options that already keep the log short, or send it elsewhere. */
const QUIET = ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

/** BusyBox wget (Alpine, BusyBox images) rejects --progress: there the fix may break the build. */
function mayBeBusyBox(model: DockerfileModel, run: InstructionNode): boolean {
  let stage = model.stageOf(run);
  while (stage?.base.kind === 'stage') stage = stage.base.stage;
  if (!stage || stage.base.kind !== 'image') return true;
  return /alpine|busybox/i.test(`${stage.base.name}:${stage.base.tag ?? ''}`);
}

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
            safety: mayBeBusyBox(ctx.model, run) ? 'unsafe' : 'safe',
            edits: [{ range: [word.range[1], word.range[1]], text: ' --progress=dot:giga' }],
          },
        });
      }
    });
  },
});
