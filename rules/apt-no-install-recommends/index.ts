import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'apt-no-install-recommends',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'unsafe',
    sources: ['DL3015'],
    description: '`apt-get install` uses `--no-install-recommends` to keep images small.',
    messages: { missing: 'Add --no-install-recommends to avoid installing packages nobody asked for.' },
    schema: [],
  },
  create(ctx) {
    return {
      RUN(node) {
        for (const script of ctx.model.shell(node)) {
          for (const cmd of script.commands) {
            if (cmd.name?.value !== 'apt-get' && cmd.name?.value !== 'apt') continue;
            const install = cmd.args.find((a) => a.value === 'install');
            if (!install) continue;
            if (cmd.args.some((a) => a.value === '--no-install-recommends' || /^-o\s*APT::Install-Recommends=(false|0)/i.test(a.value))) continue;
            ctx.report({
              range: [cmd.name.range[0], install.range[1]],
              messageId: 'missing',
              fix: {
                description: 'Add --no-install-recommends (installs fewer packages; the build may need some of them)',
                edits: [{ range: [install.range[1], install.range[1]], text: ' --no-install-recommends' }],
              },
            });
          }
        }
      },
    };
  },
});
