import { defineRule, PREDEFINED_ARGS, type Token } from '@dockerfile-opt/core';
import { nearest } from '../_shared/nearest.js';
import { renameVariableEdit, variableRefs } from '../_shared/variable-refs.js';

export default defineRule({
  id: 'undefined-arg-in-from',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    // the declared ARG it probably meant is a guess
    fixSafety: 'unsafe',
    sources: ['UndefinedArgInFrom'],
    description: 'Variables in `FROM` are ARGs declared before the first `FROM`.',
    messages: {
      undeclared: '"{{name}}" is not declared with ARG before the first FROM, so it is empty here and --build-arg cannot set it.{{suggestion}}',
    },
    schema: [],
  },
  create(ctx) {
    const declared = (): string[] => [...ctx.model.globalArgs.keys()];
    const check = (token: Token): void => {
      for (const ref of variableRefs(token.text, token.range[0], ctx.root.escapeChar)) {
        if (ctx.model.globalArgs.has(ref.name) || (PREDEFINED_ARGS as readonly string[]).includes(ref.name)) continue;
        const match = nearest(ref.name, declared());
        ctx.report({
          range: ref.range,
          messageId: 'undeclared',
          data: { name: ref.name, suggestion: match ? ` Did you mean "${match}"?` : '' },
          fix: match ? { description: `Use ${match}`, edits: [renameVariableEdit(ref, ctx.text, match)] } : null,
        });
      }
    };
    return {
      FROM(node) {
        for (const flag of node.flags) if (flag.name.toLowerCase() === 'platform' && flag.valueToken) check(flag.valueToken);
        const image = node.image ?? node.args[0];
        if (image) check(image);
      },
    };
  },
});
