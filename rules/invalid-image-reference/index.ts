import { defineRule, type Range } from '@dockerfile-opt/core';
import { isValidImageReference } from '../_shared/image-ref.js';

export default defineRule({
  id: 'invalid-image-reference',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // lower-casing the name is a guess at what was meant, and the file goes from failing to building
    fixSafety: 'unsafe',
    description: 'Images are named with a valid reference (lowercase name, valid tag and digest).',
    messages: {
      invalid: '"{{image}}" is not a valid image reference: the name must be lowercase ([a-z0-9] separated by ".", "_", "__" or "-"), a tag at most 128 letters, digits, "_", "." or "-", a digest "algorithm:hex".',
      uppercase: '"{{image}}" is not a valid image reference: repository names must be lowercase ("{{lower}}").',
    },
    schema: [],
  },
  create(ctx) {
    const check = (written: string, range: Range): void => {
      // references built from variables are invalid-default-arg-in-from's business
      if (written.includes('$')) return;
      const image = written.replace(/"([^"]*)"|'([^']*)'/g, '$1$2');
      if (isValidImageReference(image)) return;
      const lower = lowercaseName(image);
      if (lower !== image && isValidImageReference(lower)) {
        ctx.report({ range, messageId: 'uppercase', data: { image, lower }, fix: { description: `Change to ${lower}`, edits: [{ range, text: lower }] } });
      } else {
        ctx.report({ range, messageId: 'invalid', data: { image } });
      }
    };
    return {
      Dockerfile() {
        for (const stage of ctx.model.stages) {
          if (stage.base.kind === 'image' && stage.from.image) check(stage.from.image.text, stage.from.image.range);
        }
        for (const ref of ctx.model.refs) if (ref.external && ref.resolved !== null && ref.kind !== 'from') check(ref.text, ref.range);
      },
    };
  },
});

/** The reference with its repository path lower-cased; the registry host, tag and digest kept. */
function lowercaseName(image: string): string {
  const at = image.indexOf('@');
  const beforeDigest = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? '' : image.slice(at);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon) : '';
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const host = /[.:]/.test(first) || first === 'localhost' ? `${first}/` : '';
  return `${host}${name.slice(host.length).toLowerCase()}${tag}${digest}`;
}
