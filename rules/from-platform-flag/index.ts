import { defineRule } from '@dockerfile-opt/core';

interface Options {
  /** Report every `--platform` that does not use `$BUILDPLATFORM`/`$TARGETPLATFORM` (hadolint DL3029). */
  strict?: boolean;
}

const PLATFORM_VARIABLE = /BUILDPLATFORM|TARGETPLATFORM/;

export default defineRule<[Options]>({
  id: 'from-platform-flag',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    // without the flag the stage builds for the target platform instead of the pinned one
    fixSafety: 'unsafe',
    sources: ['DL3029', 'FromPlatformFlagConstDisallowed'],
    description: '`FROM --platform` does not pin a constant platform, which would stop multi-platform builds.',
    messages: {
      constant: '"--platform={{value}}" pins this stage to one platform, so the Dockerfile cannot build for others: leave it out or use $BUILDPLATFORM.',
      notBuildPlatform: '"--platform={{value}}" sets the stage platform from a variable other than $BUILDPLATFORM or $TARGETPLATFORM.',
    },
    schema: [{ type: 'object', properties: { strict: { type: 'boolean' } }, additionalProperties: false }],
    defaultOptions: [{ strict: false }],
  },
  create(ctx) {
    const strict = ctx.options[0]?.strict === true;
    return {
      FROM(node) {
        for (const flag of node.flags) {
          if (flag.name.toLowerCase() !== 'platform' || !flag.value) continue;
          const value = flag.value;
          if (!value.includes('$')) {
            // BuildKit accepts a constant in a platform-named stage; hadolint (strict) does not
            const named = namesPlatform(node.stageName?.value ?? '', value);
            if (named && !strict) continue;
            const next = node.image ?? node.args[0];
            ctx.report({
              node: flag,
              messageId: 'constant',
              data: { value },
              sources: named ? ['DL3029'] : ['DL3029', 'FromPlatformFlagConstDisallowed'],
              fix: next ? { description: 'Remove the flag (build for the target platform)', edits: [{ range: [flag.range[0], next.range[0]], text: '' }] } : null,
            });
          } else if (strict && !PLATFORM_VARIABLE.test(value)) {
            ctx.report({ node: flag, messageId: 'notBuildPlatform', data: { value }, sources: ['DL3029'] });
          }
        }
      },
    };
  },
});

/** BuildKit accepts a constant platform in a stage whose name says which one (`AS build_arm64`). */
function namesPlatform(stageName: string, platform: string): boolean {
  const name = stageName.toLowerCase();
  const [os, arch] = platform.toLowerCase().split('/');
  return name !== '' && ((os !== undefined && os !== '' && name.includes(os)) || (arch !== undefined && arch !== '' && name.includes(arch)));
}
