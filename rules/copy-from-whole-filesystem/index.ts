import { defineRule, type Stage } from '@dockerfile-opt/core';

const ROOT = /^\/+\.?$/;

export default defineRule({
  id: 'copy-from-whole-filesystem',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3067'],
    description: '`COPY --from` copies the files a stage produced, not its whole file system.',
    messages: {
      whole: 'This copies the whole file system of "{{from}}", build tools and caches included: copy only the paths the image needs.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      COPY(node) {
        const info = ctx.model.copyInfo(node);
        // Only a stage of this file that runs commands is known to hold build tools. Images and alias
        // stages (`FROM tonistiigi/xx AS xx`) are usually artifact images made to be copied whole, and a
        // stage assembled from scratch with COPY is a root file system put together on purpose.
        const target = info.from?.target;
        if (!info.from || !target || !runsCommands(target)) return;
        for (const source of info.sources) {
          if (ROOT.test(source.value)) ctx.report({ node: source.token, messageId: 'whole', data: { from: info.from.text } });
        }
      },
    };
  },
});

function runsCommands(stage: Stage): boolean {
  if (stage.instructions.some((node) => node.type === 'RUN')) return true;
  return stage.base.kind === 'stage' && runsCommands(stage.base.stage);
}
