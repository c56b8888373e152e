import { defineRule } from '@dockerfile-opt/core';
import { renameStageEdits } from '../_shared/stage-rename.js';

/** What BuildKit accepts as a stage name, once lower-cased. */
const VALID_NAME = /^[a-z][a-z0-9-_.]*$/;

export default defineRule({
  id: 'stage-name-casing',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    // stage names are case-insensitive, so lower-casing every mention changes nothing
    fixSafety: 'safe',
    sources: ['StageNameCasing'],
    description: 'Stage names are lowercase and use only letters, digits, `-`, `_` and `.`.',
    messages: {
      casing: 'Stage name "{{name}}" should be lowercase.',
      invalid: 'Stage name "{{name}}" is not valid: it must start with a letter and contain only letters, digits, "-", "_" and ".".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const stage = ctx.model.stageOf(node);
        const token = node.stageName;
        if (!stage || !token || stage.name === null) return;
        if (!VALID_NAME.test(stage.name)) {
          ctx.report({ node: token, messageId: 'invalid', data: { name: token.text } });
          return;
        }
        if (token.text === stage.name) return;
        const edits = renameStageEdits(ctx.model, stage, stage.name, true);
        ctx.report({ node: token, messageId: 'casing', data: { name: token.text }, fix: edits ? { edits } : null });
      },
    };
  },
});
