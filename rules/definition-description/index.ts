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
        'The comment right above this {{kind}} reads as its description but does not start with its name: write "# {{name}} <description>", or put an empty line between them.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode, kind: string, names: string[]): void => {
      const block = commentBlockAbove(ctx.root.comments, node);
      // as in BuildKit, the comment line right above the instruction is the description
      const last = block.at(-1);
      if (!last || block.some((c) => PRAGMA.test(c.value))) return;
      if (names.includes(last.value.trim().split(/\s+/)[0] ?? '')) return;
      const name = names.length === 1 ? (names[0] as string) : '<name>';
      const lineStart = ctx.text.lastIndexOf('\n', node.range[0] - 1) + 1;
      ctx.report({
        node: last,
        messageId: 'notDescription',
        data: { kind, name },
        fix: { description: 'Separate the comment with an empty line', edits: [{ range: [lineStart, lineStart], text: ctx.eol }] },
      });
    };
    return {
      FROM(node) {
        if (node.stageName) check(node, 'stage', [node.stageName.value]);
      },
      ARG(node) {
        if (node.properties.length > 0) check(node, 'ARG', node.properties.map((p) => p.name.value));
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
