import { defineRule } from '@dockerfile-opt/core';
import { execFormText, plainWords } from '../_shared/exec-form.js';

export default defineRule({
  id: 'shell-exec-form',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // the builder rejects the shell form, so the fix can only turn a broken file into the intended one
    fixSafety: 'safe',
    description: '`SHELL` is written in the exec (JSON) form with at least one element.',
    messages: {
      shellForm: 'SHELL must be a JSON array, like ["/bin/bash", "-c"]: the builder rejects the shell form.',
      empty: 'SHELL needs at least the shell executable: ["/bin/bash", "-c"].',
    },
    schema: [],
  },
  create(ctx) {
    return {
      SHELL(node) {
        if (!node.bodyRange) return;
        if (node.execForm !== null) {
          if (node.execForm.length === 0) ctx.report({ range: node.bodyRange, messageId: 'empty' });
          return;
        }
        // a malformed JSON array (single quotes) is json-single-quotes' business
        if (node.args[0]?.value.startsWith('[')) return;
        const words = plainWords(node, ctx.text, ctx.root.escapeChar);
        ctx.report({
          range: node.bodyRange,
          messageId: 'shellForm',
          fix: words ? { description: 'Use the exec form', edits: [{ range: node.bodyRange, text: execFormText(words) }] } : null,
        });
      },
    };
  },
});
