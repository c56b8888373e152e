import { defineRule, type Range } from '@dockerfile-opt/core';
import { invocations } from '../_shared/commands.js';

type Tool = 'curl' | 'wget';

export default defineRule({
  id: 'wget-and-curl',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL4001'],
    description: 'A stage downloads with either wget or curl, not both.',
    messages: {
      both: '"{{tool}}" is used here and "{{other}}" earlier in this stage: pick one, so the image needs only one download tool.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        for (const stage of ctx.model.stages) {
          const uses: Record<Tool, Range[]> = { curl: [], wget: [] };
          for (const node of stage.instructions) {
            if (node.type !== 'RUN') continue;
            for (const invocation of invocations(ctx.model, node)) {
              if (invocation.program === 'curl' || invocation.program === 'wget') uses[invocation.program].push(invocation.programWord.range);
            }
          }
          const [firstCurl, firstWget] = [uses.curl[0], uses.wget[0]];
          if (!firstCurl || !firstWget) continue;
          // The tool that came second is the one to replace.
          const later: Tool = firstCurl[0] < firstWget[0] ? 'wget' : 'curl';
          const other: Tool = later === 'wget' ? 'curl' : 'wget';
          for (const range of uses[later]) ctx.report({ range, messageId: 'both', data: { tool: later, other } });
        }
      },
    };
  },
});
