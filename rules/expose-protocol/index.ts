import { defineRule } from '@dockerfile-opt/core';
import { parseExposeArgument } from '../_shared/ports.js';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export default defineRule({
  id: 'expose-protocol',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['ExposeProtoCasing'],
    description: 'EXPOSE protocols are lower-case tcp, udp or sctp.',
    messages: {
      casing: 'Protocol "{{protocol}}" should be lower-case: "{{lower}}".',
      unknown: 'Unknown protocol "{{protocol}}": EXPOSE accepts tcp, udp or sctp.',
    },
    schema: [],
  },
  create(ctx) {
    return withOnbuildTriggers({
      EXPOSE(node) {
        for (const arg of node.args) {
          const protocol = parseExposeArgument(arg)?.protocol;
          if (!protocol || protocol.text.includes('$')) continue;
          const lower = protocol.text.toLowerCase();
          if (!PROTOCOLS.has(lower)) {
            ctx.report({ range: protocol.range, messageId: 'unknown', data: { protocol: protocol.text } });
          } else if (lower !== protocol.text) {
            ctx.report({
              range: protocol.range,
              messageId: 'casing',
              data: { protocol: protocol.text, lower },
              fix: { edits: [{ range: protocol.range, text: lower }] },
            });
          }
        }
      },
    });
  },
});
