import { defineRule } from '@dockerfile-opt/core';
import { portNumbers, splitExpose } from '../_shared/ports.js';

const MAX_PORT = 65535;

export default defineRule({
  id: 'expose-port-range',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    sources: ['DL3011'],
    description: 'EXPOSE ports are numbers from 0 to 65535 (or a low-high range of them).',
    messages: {
      outOfRange: 'Port {{port}} is out of range: valid ports are 0 to 65535.',
      notANumber: 'EXPOSE "{{port}}" is not a port number or a port range.',
      reversed: 'Port range "{{port}}" ends before it starts.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      EXPOSE(node) {
        for (const arg of node.args) {
          const expanded = ctx.model.expand(arg.value, node).value;
          if (expanded === null) continue;
          const port = splitExpose(expanded).port.text;
          const numbers = portNumbers(port);
          if (!numbers) ctx.report({ node: arg, messageId: 'notANumber', data: { port } });
          else if (numbers.some((n) => n > MAX_PORT)) {
            ctx.report({ node: arg, messageId: 'outOfRange', data: { port: String(numbers.find((n) => n > MAX_PORT)) } });
          } else if (numbers.length === 2 && (numbers[0] as number) > (numbers[1] as number)) {
            ctx.report({ node: arg, messageId: 'reversed', data: { port } });
          }
        }
      },
    };
  },
});
