import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'from-as-casing',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['FromAsCasing'],
    description: 'The `AS` of `FROM image AS name` matches the case of the `FROM` keyword.',
    messages: { mismatch: '"{{as}}" should be "{{want}}" to match the case of "{{from}}".' },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const as = node.asKeyword;
        if (!as) return;
        const from = node.keywordToken.text;
        // A mixed-case `From` is instruction-casing's finding; BuildKit does not compare its AS either.
        const fromIsLower = from === from.toLowerCase();
        if (!fromIsLower && from !== from.toUpperCase()) return;
        const want = fromIsLower ? 'as' : 'AS';
        if (as.text === want) return;
        ctx.report({ node: as, messageId: 'mismatch', data: { as: as.text, want, from }, fix: { edits: [{ range: as.range, text: want }] } });
      },
    };
  },
});
