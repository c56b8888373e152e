import { defineRule } from '@dockerfile-opt/core';
import { portNumbers, splitExpose } from '../_shared/ports.js';

const SSH_PORT = 22;

export default defineRule({
  id: 'expose-ssh-port',
  meta: {
    category: 'security',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: [],
    description: 'The image does not expose the SSH port 22.',
    messages: {
      ssh: 'EXPOSE "{{arg}}" opens port 22 (SSH): containers are entered with `docker exec`, not SSH.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      EXPOSE(node) {
        for (const arg of node.args) {
          const expanded = ctx.model.expand(arg.value, node).value;
          if (expanded === null) continue;
          const { port, protocol } = splitExpose(expanded);
          if (protocol && protocol.text.toLowerCase() !== 'tcp') continue;
          const numbers = portNumbers(port.text);
          if (!numbers) continue;
          const [low, high = low] = numbers as [number, number?];
          if (low <= SSH_PORT && SSH_PORT <= high) ctx.report({ node: arg, messageId: 'ssh', data: { arg: arg.text } });
        }
      },
    };
  },
});
