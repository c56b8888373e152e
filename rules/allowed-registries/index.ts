import { defineRule } from '@dockerfile-opt/core';
import { normalizeRegistry, registryOf } from '../_shared/image-ref.js';

interface Options {
  /** Registry hosts images may come from; `*.example.com` allows its subdomains, `docker.io` Docker Hub. */
  registries?: string[];
}

export default defineRule<[Options]>({
  id: 'allowed-registries',
  meta: {
    category: 'security',
    severity: 'error',
    // nothing to check until a list is configured
    recommended: false,
    fixable: 'none',
    sources: ['DL3026'],
    description: 'Images come only from the registries the configuration allows.',
    messages: {
      notAllowed: '"{{image}}" comes from registry "{{registry}}", which is not one of the allowed registries ({{allowed}}).',
    },
    schema: [
      {
        type: 'object',
        properties: { registries: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ registries: [] }],
  },
  create(ctx) {
    const allowed = (ctx.options[0]?.registries ?? []).map(normalizeRegistry);
    const isAllowed = (registry: string): boolean =>
      allowed.some((entry) => entry === '*' || entry === registry || (entry.startsWith('*.') && registry.endsWith(entry.slice(1))));
    const check = (image: string, range: [number, number]): void => {
      const registry = registryOf(image);
      if (!isAllowed(registry)) ctx.report({ range, messageId: 'notAllowed', data: { image, registry, allowed: allowed.join(', ') } });
    };
    return {
      Dockerfile() {
        if (allowed.length === 0) return;
        for (const stage of ctx.model.stages) {
          if (stage.base.kind === 'image' && stage.from.image) check(stage.base.image, stage.from.image.range);
        }
        for (const ref of ctx.model.refs) {
          if (ref.external && ref.resolved !== null && ref.resolved.toLowerCase() !== 'scratch' && ref.resolved !== 'context') check(ref.resolved, ref.range);
        }
      },
    };
  },
});
