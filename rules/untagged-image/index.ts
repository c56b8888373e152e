import { defineRule } from '@dockerfile-opt/core';
import { isValidImageReference } from '../_shared/image-ref.js';

export default defineRule({
  id: 'untagged-image',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    // a pinning rule: useful, but not everyone wants it
    recommended: false,
    fixable: 'none',
    sources: ['DL3006'],
    description: 'Base images name a tag or digest instead of the implicit `latest`.',
    messages: {
      untagged: 'Base image "{{image}}" has no tag, so the build takes whatever "latest" is that day: name a version tag or a digest.',
      untaggedDefault:
        'Base image "{{image}}" (the default value of the ARG here) has no tag, so the build takes whatever "latest" is that day: name a version tag or a digest.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const stage = ctx.model.stageOf(node);
        // scratch, earlier stages and images whose ARG has no known value are not images to pin
        if (!stage || stage.base.kind !== 'image' || !node.image) return;
        if (stage.base.tag !== null || stage.base.digest !== null) return;
        // not an image reference at all (a template placeholder, a typo): pinning is not the problem
        if (!isValidImageReference(stage.base.image)) return;
        const viaVariable = node.image.value.includes('$');
        ctx.report({ node: node.image, messageId: viaVariable ? 'untaggedDefault' : 'untagged', data: { image: stage.base.image } });
      },
    };
  },
});
