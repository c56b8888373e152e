import { defineRule, type PropertyInstructionNode } from '@dockerfile-opt/core';
import { scanQuotes } from '../_shared/quoting.js';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

export default defineRule({
  id: 'key-value-syntax',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    sources: [],
    description: 'ENV, LABEL and ARG have well-formed name=value pairs (a name, an `=` when several are set, closed quotes).',
    messages: {
      noName: '{{keyword}} pair "{{text}}" has no name before "=".',
      missingEquals: '"{{name}}" has no "=": when {{keyword}} sets several pairs, each one is name=value.',
      missingValue: '{{keyword}} {{name}} has no value: write {{keyword}} {{name}}=value.',
      unclosedQuote: 'The value of "{{name}}" opens a {{quote}} quote it never closes.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: PropertyInstructionNode): void => {
      // An instruction with no arguments at all is argument-count's finding.
      const props = node.properties;
      const keyword = node.keyword;
      for (const prop of props) {
        const name = prop.name.value;
        if (name === '') {
          ctx.report({ node: prop, messageId: 'noName', data: { keyword, text: ctx.text.slice(prop.range[0], prop.range[1]) } });
          continue;
        }
        if (keyword !== 'ARG' && prop.operator === null && prop.value === null) {
          ctx.report({ node: prop.name, messageId: props.length > 1 ? 'missingEquals' : 'missingValue', data: { keyword, name } });
          continue;
        }
        if (!prop.value) continue;
        const unclosed = scanQuotes(ctx.text.slice(prop.value.range[0], prop.value.range[1]), ctx.root.escapeChar).unclosed;
        if (unclosed) {
          ctx.report({ node: prop.value, messageId: 'unclosedQuote', data: { name, quote: unclosed === '"' ? 'double' : 'single' } });
        }
      }
    };
    return withOnbuildTriggers({ ENV: check, LABEL: check, ARG: check });
  },
});
