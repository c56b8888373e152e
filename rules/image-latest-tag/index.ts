import { defineRule } from '@dockerfile-opt/core';
import { tagRangeIn } from '../_shared/image-ref.js';

export default defineRule({
  id: 'image-latest-tag',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    // a pinning rule: useful, but not everyone wants it
    recommended: false,
    fixable: 'none',
    sources: ['DL3007'],
    description: 'Base images name a version tag instead of `latest`.',
    messages: {
      latest: '"{{image}}" follows "latest", which moves whenever a new version is published: pin a version tag or a digest.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const stage = ctx.model.stageOf(node);
        if (!stage || stage.base.kind !== 'image' || !node.image) return;
        // with a digest the tag is only a label: the digest decides what is pulled
        if (stage.base.tag?.toLowerCase() !== 'latest' || stage.base.digest !== null) return;
        const image = node.image;
        const tag = image.value.includes('$') ? null : tagRangeIn(image.text);
        const range: [number, number] = tag ? [image.range[0] + tag[0], image.range[0] + tag[1]] : image.range;
        ctx.report({ range, messageId: 'latest', data: { image: stage.base.image } });
      },
    };
  },
});
