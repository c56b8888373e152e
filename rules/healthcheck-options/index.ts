import { defineRule } from '@dockerfile-opt/core';

/** A Go duration (`30s`, `1m30s`, `1.5h`), as the builder parses HEALTHCHECK durations. */
const DURATION = /^(?:(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
const NANOSECONDS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);

export default defineRule({
  id: 'healthcheck-options',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    description: 'HEALTHCHECK is `NONE` or `CMD <command>`, with valid durations and retries.',
    messages: {
      unknownType: 'HEALTHCHECK takes "CMD <command>" or "NONE", not "{{type}}".',
      noneWithArgs: 'HEALTHCHECK NONE takes no arguments.',
      missingCommand: 'HEALTHCHECK CMD needs a command to run.',
      missingType: 'HEALTHCHECK needs "CMD <command>" or "NONE".',
      invalidDuration: '"--{{flag}}={{value}}" is not a duration: write a number with a unit, like 30s or 1m30s.',
      tooShort: '"--{{flag}}={{value}}" is shorter than the 1ms minimum (use 0 for the default).',
      invalidRetries: '"--retries={{value}}" must be a whole number, zero or more.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      HEALTHCHECK(node) {
        for (const flag of node.flags) {
          const value = flag.value;
          // flags without a value are instruction-flags' finding; HEALTHCHECK flags are not expanded
          if (value === null || value === '' || value.includes('$')) continue;
          if (DURATION_FLAGS.has(flag.name)) {
            if (value === '0') continue;
            if (!DURATION.test(value)) ctx.report({ node: flag, messageId: 'invalidDuration', data: { flag: flag.name, value } });
            // zero means "the default"; anything else must be at least 1ms
            else if (nanoseconds(value) > 0 && nanoseconds(value) < 1e6) ctx.report({ node: flag, messageId: 'tooShort', data: { flag: flag.name, value } });
          } else if (flag.name === 'retries' && !/^\d+$/.test(value)) {
            ctx.report({ node: flag, messageId: 'invalidRetries', data: { value } });
          }
        }
        const [type, ...rest] = node.args;
        if (!type) {
          ctx.report({ node: node.keywordToken, messageId: 'missingType' });
          return;
        }
        const upper = type.value.toUpperCase();
        if (upper === 'NONE') {
          if (rest.length > 0) ctx.report({ range: [(rest[0] as (typeof rest)[number]).range[0], (rest.at(-1) as (typeof rest)[number]).range[1]], messageId: 'noneWithArgs' });
        } else if (upper === 'CMD') {
          if (rest.length === 0 && node.heredocs.length === 0) ctx.report({ node: type, messageId: 'missingCommand' });
        } else {
          ctx.report({ node: type, messageId: 'unknownType', data: { type: type.value } });
        }
      },
    };
  },
});

function nanoseconds(duration: string): number {
  let total = 0;
  for (const m of duration.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * (NANOSECONDS[m[2] as string] as number);
  return total;
}
