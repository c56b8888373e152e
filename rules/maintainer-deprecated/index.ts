import { defineRule } from '@dockerfile-opt/core';

/**
 * `value` as a double-quoted Dockerfile word: inside double quotes BuildKit honours the escape
 * character only before `"`, `$` and itself, and LABEL expands `$` (MAINTAINER does not).
 */
function doubleQuoted(value: string, escapeChar: string): string {
  let quoted = '';
  for (const ch of value) quoted += ch === '"' || ch === '$' || ch === escapeChar ? `${escapeChar}${ch}` : ch;
  return `"${quoted}"`;
}

/** The author MAINTAINER names: its text, without the quotes of `MAINTAINER "Jane Doe"` (Docker keeps them, nobody means them). */
function authorOf(argsText: string): string {
  const author = argsText.trim();
  const quoted = /^"([^"]*)"$/.exec(author) ?? /^'([^']*)'$/.exec(author);
  return quoted ? (quoted[1] as string) : author;
}

export default defineRule({
  id: 'maintainer-deprecated',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL4000', 'MaintainerDeprecated'],
    description: '`MAINTAINER` is deprecated; use the `org.opencontainers.image.authors` label.',
    messages: {
      deprecated: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="{{author}}".',
      empty: 'MAINTAINER is deprecated, and this one names nobody: remove it, or use LABEL org.opencontainers.image.authors.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      MAINTAINER(node) {
        const author = authorOf(node.argsText);
        if (author === '') {
          ctx.report({ node: node.keywordToken, messageId: 'empty' });
          return;
        }
        const keyword = node.keywordToken.text === node.keywordToken.text.toLowerCase() ? 'label' : 'LABEL';
        ctx.report({
          node: node.keywordToken,
          messageId: 'deprecated',
          data: { author },
          fix: {
            description: 'Replace with an OCI authors label',
            edits: [{ range: node.range, text: `${keyword} org.opencontainers.image.authors=${doubleQuoted(author, ctx.root.escapeChar)}` }],
          },
        });
      },
    };
  },
});
