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

const AUTHORS_LABEL = 'org.opencontainers.image.authors';

/** The whole lines of `range`: from the indentation before it to its line break included. */
function lineRange(text: string, [start, end]: readonly [number, number]): [number, number] {
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const lineBreak = /^[ \t]*\r?\n/.exec(text.slice(end));
  return [from, end + (lineBreak ? lineBreak[0].length : 0)];
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
        // The stage already names its authors with the label: a second label would override it.
        const stage = ctx.model.stageOf(node);
        const labelled = stage?.instructions.some((other) => other.type === 'LABEL' && other.properties.some((p) => p.name.value === AUTHORS_LABEL)) === true;
        ctx.report({
          node: node.keywordToken,
          messageId: 'deprecated',
          data: { author },
          fix: labelled
            ? { description: `Remove it (the stage has an ${AUTHORS_LABEL} label)`, edits: [{ range: lineRange(ctx.root.text, node.range), text: '' }] }
            : {
                description: 'Replace with an OCI authors label',
                edits: [{ range: node.range, text: `${keyword} ${AUTHORS_LABEL}=${doubleQuoted(author, ctx.root.escapeChar)}` }],
              },
        });
      },
    };
  },
});
