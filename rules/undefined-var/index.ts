import { AUTOMATIC_PLATFORM_ARGS, defineRule, PREDEFINED_ARGS, type InstructionNode, type Range, type Stage } from '@dockerfile-opt/core';
import { nearest } from '../_shared/nearest.js';
import { renameVariableEdit, variableRefs } from '../_shared/variable-refs.js';

/** Variables every Linux image (and the builder) provides even when no ENV sets them. */
const ALWAYS_SET = new Set(['PATH', 'HOME', 'HOSTNAME', 'TERM', 'PWD', 'USER', 'SHELL']);

export default defineRule({
  id: 'undefined-var',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    // the variable it probably meant is a guess
    fixSafety: 'unsafe',
    sources: ['UndefinedVar'],
    description: 'Variables used in instructions are declared with ARG or ENV in the stage.',
    messages: {
      globalArg:
        '"{{name}}" is a global build ARG, which is not visible inside a stage: add "ARG {{name}}" to this stage before using it.',
      undefined: '"{{name}}" is not set: no ARG or ENV of this stage (or its base, built from scratch) defines it, so it expands to an empty string.{{suggestion}}',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      const stage = ctx.model.stageOf(node);
      if (!stage) return;
      const state = ctx.model.stateAt(node);
      // BuildKit expands variables in the instruction itself; heredoc bodies and comment lines are data
      const end = node.heredocs.reduce((min, h) => Math.min(min, h.range[0]), node.range[1]);
      const envKnown = startsFromScratch(stage);
      for (const [start, stop] of withoutComments([node.keywordToken.range[1], end], node)) {
        for (const ref of variableRefs(ctx.text.slice(start, stop), start, ctx.root.escapeChar)) {
          const name = ref.name;
          if (state.env.has(name) || state.args.has(name) || (PREDEFINED_ARGS as readonly string[]).includes(name)) continue;
          // `ARG A=1 B=$A`: each definition sees the ones before it
          if (node.type === 'ARG' && node.properties.some((p) => p.name.value === name && p.range[1] <= ref.range[0])) continue;
          if (ctx.model.globalArgs.has(name) || (AUTOMATIC_PLATFORM_ARGS as readonly string[]).includes(name)) {
            ctx.report({ range: ref.range, messageId: 'globalArg', data: { name } });
          } else if (envKnown && ref.modifier === null && !ALWAYS_SET.has(name)) {
            const match = nearest(name, [...state.env.keys(), ...state.args.keys()]);
            ctx.report({
              range: ref.range,
              messageId: 'undefined',
              data: { name, suggestion: match ? ` Did you mean "${match}"?` : '' },
              fix: match ? { description: `Use ${match}`, edits: [renameVariableEdit(ref, ctx.text, match)] } : null,
            });
          }
        }
      }
    };
    return { ADD: check, COPY: check, ENV: check, EXPOSE: check, LABEL: check, STOPSIGNAL: check, USER: check, VOLUME: check, WORKDIR: check, ARG: check };
  },
});

/** ARG names the stage declared before `node` (ARGs do not carry over from a parent stage). */
/** The stage's ENV is known in full only when nothing it builds on is an image from a registry. */
function startsFromScratch(stage: Stage): boolean {
  if (stage.base.kind === 'scratch') return true;
  return stage.base.kind === 'stage' && startsFromScratch(stage.base.stage);
}

/** `range` minus the comment lines inside the instruction's continuation lines. */
function withoutComments(range: Range, node: InstructionNode): Range[] {
  const parts: Range[] = [];
  let start = range[0];
  for (const comment of node.innerComments) {
    if (comment.range[0] >= range[1]) break;
    if (comment.range[0] > start) parts.push([start, comment.range[0]]);
    start = Math.max(start, comment.range[1]);
  }
  if (start < range[1]) parts.push([start, range[1]]);
  return parts;
}
