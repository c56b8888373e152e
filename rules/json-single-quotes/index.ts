import { defineRule, type InstructionNode } from '@dockerfile-opt/core';

/** `['a', 'b']`: a JSON array of strings written with single quotes (and no quotes or escapes inside). */
const SINGLE_QUOTED_ARRAY = /^\[\s*(?:'[^'"\\]*'\s*(?:,\s*'[^'"\\]*'\s*)*)?\]$/;

export default defineRule({
  id: 'json-single-quotes',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    description: 'The exec (JSON) form uses double quotes: with single quotes it is shell form.',
    messages: {
      singleQuotes: 'JSON needs double quotes: with single quotes this {{keyword}} is shell form and runs the text "{{body}}" as a shell command.',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      if (node.execForm !== null || !node.bodyRange || node.heredocs.length > 0) return;
      const raw = ctx.text.slice(node.bodyRange[0], node.bodyRange[1]);
      const body = raw.trim();
      if (!body.startsWith('[') || !body.includes("'")) return;
      const joined = body.replace(/\\\r?\n/g, '');
      if (!SINGLE_QUOTED_ARRAY.test(joined)) return;
      // on one line every single quote is a delimiter; across continuations comment lines could hold some
      const fixable = !/[\r\n]/.test(raw);
      ctx.report({
        range: node.bodyRange,
        messageId: 'singleQuotes',
        data: { keyword: node.keyword, body: joined },
        fix: fixable ? { description: 'Use double quotes', edits: [{ range: node.bodyRange, text: raw.replaceAll("'", '"') }] } : null,
      });
    };
    return { CMD: check, ENTRYPOINT: check, RUN: check, SHELL: check, VOLUME: check, ADD: check, COPY: check };
  },
});
