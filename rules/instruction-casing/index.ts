import { defineRule, type InstructionNode } from '@dockerfile-opt/core';

type Style = 'upper' | 'consistent';

export default defineRule<[{ style: Style }]>({
  id: 'instruction-casing',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['ConsistentInstructionCasing'],
    description: 'Instruction keywords are upper case (or, with `style: "consistent"`, all in one case).',
    messages: {
      notUpper: 'Instruction "{{keyword}}" should be written in upper case.',
      inconsistent: 'Instruction "{{keyword}}" is not in the {{expected}} case used by most instructions in this file.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { style: { enum: ['upper', 'consistent'] } },
      },
    ],
    defaultOptions: [{ style: 'upper' }],
  },
  create(ctx) {
    const style = ctx.options[0]?.style ?? 'upper';
    const instructions: InstructionNode[] = ctx.root.instructions.filter((i) => i.type !== 'Instruction');
    // Mixed-case keywords (`From`) count for neither case, as in BuildKit's ConsistentInstructionCasing.
    const lower = instructions.filter((i) => i.keywordToken.text === i.keywordToken.text.toLowerCase()).length;
    const upper = instructions.filter((i) => i.keywordToken.text === i.keywordToken.text.toUpperCase()).length;
    const expected = style === 'consistent' && lower > upper ? 'lower' : 'upper';
    const check = (node: InstructionNode): void => {
      const written = node.keywordToken.text;
      const want = expected === 'upper' ? written.toUpperCase() : written.toLowerCase();
      if (written === want) return;
      ctx.report({
        node: node.keywordToken,
        messageId: style === 'upper' ? 'notUpper' : 'inconsistent',
        data: { keyword: written, expected },
        fix: { edits: [{ range: node.keywordToken.range, text: want }] },
      });
    };
    return {
      '*'(node) {
        if (node.type === 'Instruction') return;
        check(node);
        if (node.type === 'ONBUILD' && node.trigger) check(node.trigger);
      },
    };
  },
});
