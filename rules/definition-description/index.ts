import { defineRule, type CommentNode, type InstructionNode } from '@dockerfile-opt/core';

/** Comments that are instructions to a tool, not descriptions. */
const PRAGMA = /^\s*(hadolint|dockerfile-opt|check\s*=|syntax\s*=|escape\s*=|dockerfile-utils)/i;

export default defineRule({
  id: 'definition-description',
  meta: {
    category: 'style',
    severity: 'warn',
    // BuildKit keeps this check experimental because it is noisy
    recommended: false,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['InvalidDefinitionDescription'],
    description: 'A comment right above a named stage or an ARG starts with its name (`# name description`).',
    messages: {
      notDescription:
        'The comment above {{kind}} "{{name}}" reads as its description but does not start with "{{name}}": write "# {{name}} <description>", or put an empty line between them.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode, kind: string, name: string): void => {
      const block = commentBlockAbove(ctx.root.comments, node);
      const first = block[0];
      if (!first || block.some((c) => PRAGMA.test(c.value))) return;
      if (first.value.trim().split(/\s+/)[0] === name) return;
      const lineStart = ctx.text.lastIndexOf('\n', node.range[0] - 1) + 1;
      ctx.report({
        node: first,
        messageId: 'notDescription',
        data: { kind, name },
        fix: { description: 'Separate the comment with an empty line', edits: [{ range: [lineStart, lineStart], text: ctx.eol }] },
      });
    };
    return {
      FROM(node) {
        if (node.stageName) check(node, 'stage', node.stageName.value);
      },
      ARG(node) {
        const only = node.properties.length === 1 ? node.properties[0] : undefined;
        if (only) check(node, 'ARG', only.name.value);
      },
    };
  },
});

/** The comments on the lines directly above `node`, with no empty line between them and it. */
function commentBlockAbove(comments: readonly CommentNode[], node: InstructionNode): CommentNode[] {
  const block: CommentNode[] = [];
  let line = node.loc.start.line - 1;
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i] as CommentNode;
    if (comment.loc.start.line > line) continue;
    if (comment.loc.start.line < line) break;
    block.unshift(comment);
    line--;
  }
  return block;
}
