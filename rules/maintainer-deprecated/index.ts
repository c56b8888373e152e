import { defineRule } from '@dockerfile-opt/core';

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
    messages: { deprecated: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="{{author}}".' },
    schema: [],
  },
  create(ctx) {
    return {
      MAINTAINER(node) {
        const author = node.argsText.trim();
        const quoted = JSON.stringify(author.replace(/^"(.*)"$/, '$1'));
        ctx.report({
          node: node.keywordToken,
          messageId: 'deprecated',
          data: { author: author.replace(/^"(.*)"$/, '$1') },
          fix: author
            ? { description: 'Replace with an OCI authors label', edits: [{ range: node.range, text: `LABEL org.opencontainers.image.authors=${quoted}` }] }
            : null,
        });
      },
    };
  },
});
