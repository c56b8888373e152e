import { defineRule } from '@dockerfile-opt/core';
import { renameStageEdits } from '../_shared/stage-rename.js';

/** Names BuildKit gives a meaning of its own: the empty image, and the build context of `--mount=from=`. */
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'reserved-stage-name',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    // renaming the stage breaks `docker build --target <old name>` outside the file
    fixSafety: 'unsafe',
    sources: ['DL3063', 'ReservedStageName'],
    description: 'Stages are not named `scratch` or `context`, which already mean something else.',
    messages: {
      reserved: 'Stage name "{{name}}" is reserved: "{{lower}}" already means {{meaning}}, so references to it are ambiguous.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const stage = ctx.model.stageOf(node);
        const token = node.stageName;
        if (!stage || !token || stage.name === null || !RESERVED.has(stage.name)) return;
        let newName = `${stage.name}-stage`;
        for (let n = 2; ctx.model.stageByName(newName); n++) newName = `${stage.name}-stage-${n}`;
        const edits = renameStageEdits(ctx.model, stage, newName);
        ctx.report({
          node: token,
          messageId: 'reserved',
          data: { name: token.text, lower: stage.name, meaning: stage.name === 'scratch' ? 'the empty base image' : 'the build context' },
          fix: edits ? { description: `Rename the stage to "${newName}"`, edits } : null,
        });
      },
    };
  },
});
