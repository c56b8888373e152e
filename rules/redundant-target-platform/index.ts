import { defineRule } from '@dockerfile-opt/core';

const TARGET_PLATFORM = /^(\$TARGETPLATFORM|\$\{TARGETPLATFORM\})$/;

export default defineRule({
  id: 'redundant-target-platform',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3065', 'RedundantTargetPlatform'],
    description: '`FROM --platform=$TARGETPLATFORM` is left out: it is the default.',
    messages: { redundant: '"--platform={{value}}" is the default for FROM and can be removed.' },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        // a global `ARG TARGETPLATFORM=...` gives it a value of its own, which is then not the default
        if (ctx.model.globalArgs.get('TARGETPLATFORM') !== undefined) return;
        for (const flag of node.flags) {
          if (flag.name.toLowerCase() !== 'platform' || flag.value === null || !TARGET_PLATFORM.test(flag.value)) continue;
          const next = node.image ?? node.args[0];
          const end = next ? next.range[0] : flag.range[1];
          ctx.report({ node: flag, messageId: 'redundant', data: { value: flag.value }, fix: { edits: [{ range: [flag.range[0], end], text: '' }] } });
        }
      },
    };
  },
});
