import { defineRule } from '@dockerfile-opt/core';

const ASSUME_YES = /^(-y|--yes|--assume-yes|-qq|-[a-zA-Z]*y[a-zA-Z]*)$/;

export default defineRule({
  id: 'apt-get-yes',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3014'],
    description: '`apt-get install` runs non-interactively with `-y`.',
    messages: { missing: '"apt-get install" without -y waits for a confirmation that never comes in a build.' },
    schema: [],
  },
  create(ctx) {
    return {
      RUN(node) {
        for (const script of ctx.model.shell(node)) {
          for (const cmd of script.commands) {
            if (cmd.name?.value !== 'apt-get') continue;
            const install = cmd.args.find((a) => a.value === 'install');
            if (!install || cmd.args.some((a) => ASSUME_YES.test(a.value))) continue;
            ctx.report({
              range: [cmd.name.range[0], install.range[1]],
              messageId: 'missing',
              fix: { edits: [{ range: [install.range[1], install.range[1]], text: ' -y' }] },
            });
          }
        }
      },
    };
  },
});
