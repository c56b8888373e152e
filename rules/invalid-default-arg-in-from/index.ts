import { defineRule, expandVariables, type VarValue } from '@dockerfile-opt/core';
import { isValidImageReference } from '../_shared/image-ref.js';

/** Stand-ins for the platform ARGs BuildKit fills in: any real platform gives a valid name. */
const PLATFORM_PLACEHOLDERS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

export default defineRule({
  id: 'invalid-default-arg-in-from',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['InvalidDefaultArgInFrom'],
    description: 'With the default values of its ARGs, `FROM` names a valid base image.',
    messages: {
      empty: 'With the default ARG values the base image name is empty, so the build fails unless --build-arg sets {{names}}: give the ARG a default.',
      invalid: 'With the default ARG values the base image is "{{image}}", which is not a valid image reference: give {{names}} a default.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      FROM(node) {
        const image = node.image;
        if (!image || !image.value.includes('$')) return;
        const globals = ctx.model.globalArgs;
        let undeclared = false;
        const lookup = (name: string): VarValue | null => {
          if (!globals.has(name)) {
            undeclared = true;
            return null;
          }
          return globals.get(name) ?? PLATFORM_PLACEHOLDERS[name] ?? '';
        };
        const expansion = expandVariables(image.value, lookup, { escapeChar: ctx.root.escapeChar, undeclaredIsEmpty: true });
        // an undeclared ARG is undefined-arg-in-from's finding
        if (undeclared || expansion.value === null) return;
        // the builder removes shell quotes from the word (`alpine:"${TAG}"`)
        const value = expansion.value.replace(/"([^"]*)"|'([^']*)'/g, '$1$2');
        const withoutDefault = [...new Set(expansion.referenced.filter((n) => globals.has(n) && globals.get(n) === undefined && !(n in PLATFORM_PLACEHOLDERS)))];
        const names = withoutDefault.map((n) => `"${n}"`).join(', ') || 'the ARG';
        if (value === '') {
          ctx.report({ node: image, messageId: 'empty', data: { names } });
        } else if (value.toLowerCase() !== 'scratch' && !ctx.model.stageByName(value) && !isValidImageReference(value)) {
          ctx.report({ node: image, messageId: 'invalid', data: { image: value, names } });
        }
      },
    };
  },
});
