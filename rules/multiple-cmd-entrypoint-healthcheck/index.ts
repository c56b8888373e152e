import { defineRule, type InstructionNode } from '@dockerfile-opt/core';
import { instructionLinesRange } from '../_shared/lines.js';

const ONCE_PER_STAGE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;
type OncePerStage = (typeof ONCE_PER_STAGE)[number];

/** hadolint has one code per keyword, so `ignore=DL4003` leaves ENTRYPOINT findings alone. */
const HADOLINT_CODE: Record<OncePerStage, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };

export default defineRule({
  id: 'multiple-cmd-entrypoint-healthcheck',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    // only the last one sets the image config, so removing the others leaves the image the same
    fixSafety: 'safe',
    sources: ['DL3012', 'DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
    description: 'A stage has at most one CMD, one ENTRYPOINT and one HEALTHCHECK.',
    messages: { overridden: 'Only the last {{keyword}} of a stage takes effect: this one is overridden by the {{keyword}} on line {{line}}.' },
    schema: [],
  },
  create(ctx) {
    return {
      Dockerfile() {
        for (const stage of ctx.model.stages) {
          const last = new Map<OncePerStage, InstructionNode>();
          for (const node of stage.instructions) if (isOncePerStage(node.type)) last.set(node.type, node);
          for (const node of stage.instructions) {
            if (!isOncePerStage(node.type)) continue;
            const winner = last.get(node.type) as InstructionNode;
            if (winner === node) continue;
            ctx.report({
              node: node.keywordToken,
              messageId: 'overridden',
              data: { keyword: node.type, line: winner.loc.start.line },
              sources: [HADOLINT_CODE[node.type], 'MultipleInstructionsDisallowed'],
              fix: { description: `Remove this ${node.type}`, edits: [{ range: instructionLinesRange(ctx.text, node), text: '' }] },
            });
          }
        }
      },
    };
  },
});

function isOncePerStage(type: string): type is OncePerStage {
  return (ONCE_PER_STAGE as readonly string[]).includes(type);
}
