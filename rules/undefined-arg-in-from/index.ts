import { defineRule, PREDEFINED_ARGS, type Token } from '@dockerfile-opt/core';
import { didYouMean } from '../_shared/nearest.js';
import { variableRefs } from '../_shared/variable-refs.js';

export default defineRule({
  id: 'undefined-arg-in-from',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
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
        ctx.report({ range: ref.range, messageId: 'undeclared', data: { name: ref.name, suggestion: didYouMean(ref.name, declared()) } });
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
