import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'directive-syntax',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // directive names are case-insensitive, so lower-casing one changes nothing
    fixSafety: 'safe',
    description: 'Parser directives are lowercase, given once, and `escape` is `\\` or a backtick.',
    messages: {
      casing: 'Parser directive "{{name}}" should be lowercase.',
      invalidEscape: '"escape" must be a backslash or a backtick, not "{{value}}".',
      duplicate: 'The "{{name}}" parser directive is given more than once; the builder accepts only one.',
    },
    schema: [],
  },
  create(ctx) {
    const seen = new Set<string>();
    return {
      ParserDirective(node) {
        const written = node.nameToken.text;
        if (written !== written.toLowerCase()) {
          ctx.report({ node: node.nameToken, messageId: 'casing', data: { name: written }, fix: { edits: [{ range: node.nameToken.range, text: written.toLowerCase() }] } });
        }
        if (seen.has(node.name)) ctx.report({ node: node.nameToken, messageId: 'duplicate', data: { name: node.name } });
        seen.add(node.name);
        if (node.name === 'escape' && node.value !== '\\' && node.value !== '`') {
          ctx.report({ node: node.valueToken, messageId: 'invalidEscape', data: { value: node.value } });
        }
      },
    };
  },
});
