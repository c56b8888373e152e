import { defineRule, expandVariables, type PropertyNode } from '@dockerfile-opt/core';

export default defineRule({
  id: 'env-self-reference',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // Splitting gives the variable the value the author meant, which is not the value it has today.
    fixSafety: 'unsafe',
    sources: ['DL3044'],
    description: 'An ENV value does not use a variable set earlier in the same ENV instruction.',
    messages: {
      sameStatement:
        '"{{name}}" uses ${{ref}}, which this same ENV sets: values are expanded before the instruction runs, so it gets the old (empty) value. Split the ENV.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      ENV(node) {
        const state = ctx.model.stateAt(node);
        const props = node.properties;
        props.forEach((prop, index) => {
          if (!prop.value || index === 0) return;
          const earlier = new Set(props.slice(0, index).map((p) => p.name.value));
          // Single-quoted text is not expanded.
          const expandable = ctx.text.slice(prop.value.range[0], prop.value.range[1]).replace(/'[^']*'/g, '');
          const refs = expandVariables(expandable, () => '', { escapeChar: ctx.root.escapeChar }).referenced;
          const ref = refs.find((name) => earlier.has(name) && !state.env.has(name) && !state.args.has(name));
          if (ref === undefined) return;
          const previous = props[index - 1] as PropertyNode;
          const gap: [number, number] = [previous.range[1], prop.range[0]];
          const splittable = !ctx.text.slice(gap[0], gap[1]).includes('#');
          ctx.report({
            node: prop.value,
            messageId: 'sameStatement',
            data: { name: prop.name.value, ref },
            fix: splittable ? { edits: [{ range: gap, text: `${ctx.eol}${node.keywordToken.text} ` }], description: 'Split into two ENV instructions' } : null,
          });
        });
      },
    };
  },
});
