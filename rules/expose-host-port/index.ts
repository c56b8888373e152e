import { defineRule } from '@dockerfile-opt/core';
import { parseExposeArgument } from '../_shared/ports.js';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

export default defineRule({
  id: 'expose-host-port',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['ExposeInvalidFormat'],
    description: 'EXPOSE names container ports only, without a host IP or host port.',
    messages: {
      hostPart: 'EXPOSE "{{arg}}" maps a host {{what}}, which the build ignores: publish ports with `docker run -p`, expose only "{{port}}".',
    },
    schema: [],
  },
  create(ctx) {
    return withOnbuildTriggers({
      EXPOSE(node) {
        for (const arg of node.args) {
          const spec = parseExposeArgument(arg);
          if (!spec?.hostPart || spec.port.text === '') continue;
          const what = spec.hostPart.text.split(':').length > 2 ? 'IP and port' : 'port';
          ctx.report({
            range: spec.hostPart.range,
            messageId: 'hostPart',
            data: { arg: arg.text, what, port: arg.text.slice(spec.hostPart.text.length) },
            fix: { edits: [{ range: spec.hostPart.range, text: '' }] },
          });
        }
      },
    });
  },
});
