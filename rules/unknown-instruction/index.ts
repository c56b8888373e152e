import { defineRule, KEYWORDS } from '@dockerfile-opt/core';
import { nearest } from '../_shared/nearest.js';

/**
 * Shell words that end up as "instructions" when a RUN loses its `\` continuation (or in
 * template syntax): `cd` is not a typo of CMD, nor `end` of ENV.
 */
const SHELL_WORDS = new Set(['cd', 'and', 'end', 'export', 'set', 'do', 'done', 'fi', 'then', 'else', 'elif', 'if', 'for', 'exit', 'echo', 'cp', 'mv', 'rm', 'ln', 'cat', 'tar', 'apk', 'pip', 'npm', 'go', 'make', 'curl', 'wget', 'sed', 'chmod', 'chown', 'mkdir', 'useradd', 'adduser']);

export default defineRule({
  id: 'unknown-instruction',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // the file goes from not building to doing something
    fixSafety: 'unsafe',
    description: 'A misspelled instruction keyword gets the keyword it probably meant.',
    messages: { unknown: '"{{keyword}}" is not a Dockerfile instruction. Did you mean "{{suggestion}}"?' },
    schema: [],
  },
  create(ctx) {
    return {
      Instruction(node) {
        const written = node.keywordToken.text;
        if (SHELL_WORDS.has(written.toLowerCase())) return;
        const match = nearest(written, KEYWORDS);
        // unknown instructions are already parse errors; this rule only adds the likely keyword
        if (match === null) return;
        const suggestion = written === written.toLowerCase() ? match.toLowerCase() : match;
        ctx.report({
          node: node.keywordToken,
          messageId: 'unknown',
          data: { keyword: written, suggestion },
          fix: { description: `Change to ${suggestion}`, edits: [{ range: node.keywordToken.range, text: suggestion }] },
        });
      },
    };
  },
});
