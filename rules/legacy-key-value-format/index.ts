import { defineRule, type FixDescriptor, type PropertyInstructionNode, type PropertyNode, type RuleContext } from '@dockerfile-opt/core';
import { scanQuotes } from '../_shared/quoting.js';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

/**
 * `name=value` that Docker reads as the legacy value: a single word keeps its quoting as is; several
 * words are wrapped in double quotes, which is only exact when the text has no quotes or escapes.
 * Line continuations may stay inside the quotes: lines are joined before values are read.
 */
function modernForm(ctx: RuleContext, prop: PropertyNode): FixDescriptor | null {
  const value = prop.value;
  if (!value) return null;
  const gap: [number, number] = [prop.name.range[1], value.range[0]];
  if (ctx.text.slice(gap[0], gap[1]).includes('#')) return null;
  const escape = ctx.root.escapeChar;
  const raw = ctx.text.slice(value.range[0], value.range[1]);
  const joined = raw.split(escape === '`' ? /`[ \t]*(?:\r\n|\r|\n)/ : /\\[ \t]*(?:\r\n|\r|\n)/).join('');
  const scan = scanQuotes(joined, escape);
  if (scan.unclosed) return null;
  if (scan.bareSpaces.length === 0 && joined === raw) return { edits: [{ range: gap, text: '=' }] };
  // Comment lines inside the value, quotes or escapes: quoting again could change the value.
  if (scan.hasQuotingSyntax || /[\r\n]/.test(joined)) return null;
  return {
    edits: [
      { range: gap, text: '="' },
      { range: [value.range[1], value.range[1]], text: '"' },
    ],
  };
}

export default defineRule({
  id: 'legacy-key-value-format',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['LegacyKeyValueFormat'],
    description: 'ENV and LABEL use the `key=value` form, not the legacy `key value` form.',
    messages: {
      legacy: 'Legacy "{{keyword}} {{name}} value" form: write "{{keyword}} {{name}}=value" (the legacy form is deprecated and reads the rest of the line as one value).',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: PropertyInstructionNode): void => {
      const prop = node.properties[0];
      if (node.properties.length !== 1 || !prop || prop.operator !== null || !prop.value || prop.name.value === '') return;
      ctx.report({
        node: prop,
        messageId: 'legacy',
        data: { keyword: node.keyword, name: prop.name.value },
        fix: modernForm(ctx, prop),
      });
    };
    return withOnbuildTriggers({ ENV: check, LABEL: check });
  },
});
