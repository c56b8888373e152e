import { defineRule, type FixDescriptor, type InstructionNode, type ShellCommand, type Stage } from '@dockerfile-opt/core';
import { basename, runVisitors } from '../_shared/commands.js';
import { mayBeBusyBox } from '../_shared/run-helpers.js';

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
/** Commands that cannot fail in a way pipefail would catch: `echo x | sha256sum -c`. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true']);

/** `-o pipefail` in a SHELL or `set` argument list (`-o pipefail`, `-eo pipefail`, `-euxo pipefail`). */
function setsPipefail(words: readonly string[]): boolean {
  return words.some((word, i) => word === 'pipefail' && /^-[a-z]*o$/.test(words[i - 1] ?? ''));
}

export default defineRule({
  id: 'pipefail',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: ['DL4006'],
    description: 'A RUN with a pipe runs with `-o pipefail`, so that a failure early in the pipe fails the build.',
    messages: {
      pipe: 'Without pipefail, this pipe succeeds when "{{first}}" fails, as long as "{{last}}" succeeds: set SHELL ["/bin/bash", "-o", "pipefail", "-c"], or start the RUN with "set -o pipefail" where the shell supports it.',
    },
    schema: [],
  },
  create(ctx) {
    // SHELL lasts for the rest of the stage (and stages built FROM it): one per stage is enough.
    const stagesWithShellFix = new Set<Stage>();
    const shellFix = (run: InstructionNode): FixDescriptor | null => {
      const stage = ctx.model.stageOf(run);
      // An ONBUILD trigger runs in another build, under that build's SHELL.
      if (!stage || run.onbuildParent || mayBeBusyBox(ctx.model, run)) return null;
      for (let s: Stage | null = stage; s; s = s.base.kind === 'stage' ? s.base.stage : null) if (stagesWithShellFix.has(s)) return null;
      stagesWithShellFix.add(stage);
      return {
        description: 'Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN (later RUNs of the stage run in bash too)',
        edits: [{ range: [run.range[0], run.range[0]], text: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]${ctx.eol}` }],
      };
    };

    return runVisitors((run) => {
      const shell = ctx.model.stateAt(run).shell;
      if (!POSIX_SHELLS.has(basename(shell[0] ?? '')) || setsPipefail(shell)) return;
      for (const script of ctx.model.shell(run)) {
        for (const pipeline of script.pipelines) {
          const commands = pipeline.map((i) => script.commands[i]).filter((c): c is ShellCommand => c !== undefined && !c.inSubstitution);
          const first = commands[0];
          const last = commands.at(-1);
          if (!first || !last || commands.length < 2) continue;
          if (commands.slice(0, -1).every((c) => CANNOT_FAIL.has(c.name?.value ?? ''))) continue;
          const before = script.commands.slice(0, script.commands.indexOf(first));
          if (before.some((c) => c.name?.value === 'set' && setsPipefail(c.args.map((a) => a.value)))) continue;
          ctx.report({
            range: [first.range[0], last.range[1]],
            messageId: 'pipe',
            data: { first: first.name?.value ?? first.range.join('-'), last: last.name?.value ?? '' },
            fix: shellFix(run),
          });
          // One finding per RUN: the fix (pipefail) is the same for all its pipes.
          return;
        }
      }
    });
  },
});
