import { defineRule, parseShell, shellSourceOf, type FixDescriptor, type InstructionNode } from '@dockerfile-opt/core';
import { invocations } from '../_shared/commands.js';
import { isAndChain } from '../_shared/run-helpers.js';

/** Commands whose effect lasts for the rest of a shell script: merging would carry it into the next RUN's commands. */
const STATEFUL = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'source', '.', 'umask', 'shopt', 'alias', 'exit', 'exec', 'trap', 'unset']);

const flagsText = (run: InstructionNode): string => run.flags.map((f) => f.value === null ? f.name : `${f.name}=${f.value}`).join(' ');

export default defineRule({
  id: 'consecutive-run',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: false,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: ['DL3059'],
    description: 'Consecutive RUN instructions with the same flags are merged into one.',
    messages: {
      consecutive: 'This RUN directly follows another one: each RUN makes a layer, so merging them saves one (at the cost of caching them together).',
    },
    schema: [],
  },
  create(ctx) {
    /** `RUN a` + `RUN b` → `RUN a && \ b`, when nothing in `a` would leak into `b` and both parse. */
    const mergeFix = (previous: InstructionNode, run: InstructionNode): FixDescriptor | null => {
      if (!previous.bodyRange || !run.bodyRange || previous.heredocs.length > 0 || run.heredocs.length > 0) return null;
      if (ctx.text.slice(previous.range[1], run.range[0]).trim() !== '') return null;
      const escape = ctx.root.escapeChar;
      const previousBody = shellSourceOf(ctx.text.slice(...previous.bodyRange), escape).replace(/[\s\\]+$/, '');
      const lastLine = previousBody.slice(previousBody.lastIndexOf('\n') + 1);
      if (/[;&|]$/.test(previousBody) || lastLine.includes('#')) return null;
      const previousCommands = ctx.model.shell(previous).flatMap((s) => s.commands);
      if (previousCommands.some((c) => !c.inSubshell && (c.name === null ? c.assignments.length > 0 : STATEFUL.has(c.name.value)))) return null;
      if (invocations(ctx.model, previous).some((i) => STATEFUL.has(i.program))) return null;
      const body = shellSourceOf(ctx.text.slice(...run.bodyRange), escape);
      // `a && b; c` would run c, and succeed, after a failed: the second RUN must be one && chain.
      if (!isAndChain(body.trim())) return null;
      if (parseShell(previousBody, 0).hasError || parseShell(`${previousBody} && ${body}`, 0).hasError) return null;
      const end = previous.bodyRange[0] + previousBody.length;
      return {
        description: 'Merge into the previous RUN',
        edits: [{ range: [end, run.bodyRange[0]], text: ` && ${escape}${ctx.eol}    ` }],
      };
    };

    return {
      RUN(run) {
        const stage = ctx.model.stageOf(run);
        if (!stage || run.execForm) return;
        const previous = stage.instructions[stage.instructions.indexOf(run) - 1];
        if (previous?.type !== 'RUN' || previous.execForm || flagsText(previous) !== flagsText(run)) return;
        ctx.report({ node: run.keywordToken, messageId: 'consecutive', fix: mergeFix(previous, run) });
      },
    };
  },
});
