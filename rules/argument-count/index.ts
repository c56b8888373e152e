import { defineRule, type InstructionNode } from '@dockerfile-opt/core';

/**
 * Instructions the builder rejects without arguments. RUN, CMD and ENTRYPOINT are left out (an
 * empty CMD or ENTRYPOINT is accepted), HEALTHCHECK is healthcheck-options' business and SHELL's
 * JSON form shell-exec-form's.
 */
const NEEDS_ARGUMENT = new Set(['ARG', 'ENV', 'LABEL', 'EXPOSE', 'VOLUME', 'USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER', 'ONBUILD', 'SHELL']);

export default defineRule({
  id: 'argument-count',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    description: 'Instructions have the number of arguments the builder requires.',
    messages: {
      missing: '{{keyword}} needs at least one argument.',
      sourceAndDest: '{{keyword}} needs at least one source and a destination.',
      fromShape: 'FROM takes an image, optionally followed by "AS <name>"; this one has {{count}} arguments.',
    },
    schema: [],
  },
  create(ctx) {
    const count = (node: InstructionNode): number => (node.execForm ? node.execForm.length : node.args.length) + node.heredocs.length;
    const check = (node: InstructionNode): void => {
      const n = count(node);
      const at = node.bodyRange ?? node.keywordToken.range;
      const keyword = node.keyword.toUpperCase();
      switch (keyword) {
        case 'FROM':
          if (n === 0) ctx.report({ node: node.keywordToken, messageId: 'missing', data: { keyword } });
          else if (n !== 1 && !(n === 3 && node.args[1]?.value.toUpperCase() === 'AS')) ctx.report({ range: at, messageId: 'fromShape', data: { count: n } });
          break;
        case 'COPY':
        case 'ADD':
          if (n < 2) ctx.report({ range: at, messageId: 'sourceAndDest', data: { keyword } });
          break;
        default:
          if (n === 0 && NEEDS_ARGUMENT.has(keyword) && !(keyword === 'SHELL' && node.execForm)) {
            ctx.report({ node: node.keywordToken, messageId: 'missing', data: { keyword } });
          }
      }
      // an ONBUILD trigger is checked now, not when a downstream build runs it
      if (node.type === 'ONBUILD' && node.trigger) check(node.trigger);
    };
    return { '*': check };
  },
});
