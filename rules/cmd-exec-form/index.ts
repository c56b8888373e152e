import { defineRule, type InstructionNode, type Stage } from '@dockerfile-opt/core';
import { execFormText, plainWords } from '../_shared/exec-form.js';
import { isWindowsStage } from '../_shared/windows.js';

const DEFAULT_SHELL = '/bin/sh -c';

export default defineRule({
  id: 'cmd-exec-form',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['DL3025', 'JSONArgsRecommended'],
    description: 'CMD and ENTRYPOINT use the exec (JSON) form, so the process receives stop signals.',
    messages: {
      shellForm:
        '{{keyword}} in shell form runs under "{{shell}}", which does not pass SIGTERM on to the process, so "docker stop" waits and then kills it: use the exec form ["executable", "arg"].',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      if (node.execForm !== null || !node.bodyRange || node.heredocs.length > 0) return;
      // `CMD ['a']` is a JSON array gone wrong: json-single-quotes reports it
      if (node.args[0]?.value.startsWith('[')) return;
      // with a SHELL instruction in force the shell form is a deliberate choice of interpreter
      if (ctx.model.stateAt(node).shell.join(' ') !== DEFAULT_SHELL) return;
      const stage = ctx.model.stageOf(node);
      const windows = stage !== null && isWindowsStage(ctx.model, stage);
      // on Windows a plain word may be a cmd built-in or a batch file, which need cmd
      let words = windows ? null : plainWords(node, ctx.text, ctx.root.escapeChar);
      if (words?.[0] === 'exec') words = words.slice(1);
      // Without shell syntax the exec form runs the same command. It is still a different argument
      // list when an ENTRYPOINT receives the CMD, and a shell-form ENTRYPOINT ignores CMD and
      // `docker run` arguments while the exec form appends them.
      const sameBehaviour = node.type === 'CMD' && stage !== null && !hasEntrypoint(stage);
      ctx.report({
        range: node.bodyRange,
        messageId: 'shellForm',
        data: { keyword: node.type, shell: windows ? 'cmd /S /C' : '/bin/sh -c' },
        fix:
          words && words.length > 0
            ? { description: 'Use the exec form', safety: sameBehaviour ? 'safe' : 'unsafe', edits: [{ range: node.bodyRange, text: execFormText(words) }] }
            : null,
      });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});

function hasEntrypoint(stage: Stage): boolean {
  if (stage.instructions.some((node) => node.type === 'ENTRYPOINT')) return true;
  return stage.base.kind === 'stage' && hasEntrypoint(stage.base.stage);
}
