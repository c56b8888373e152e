import { defineRule, type FlagNode, type InstructionNode } from '@dockerfile-opt/core';
import { nearest } from '../_shared/nearest.js';

interface FlagSpec {
  /** `--flag` alone means true; otherwise only `true` or `false`. */
  boolean?: boolean;
  /** May be given more than once. */
  repeatable?: boolean;
}

const FLAGS: Record<string, Record<string, FlagSpec>> = {
  FROM: { platform: {} },
  COPY: { from: {}, chown: {}, chmod: {}, link: { boolean: true }, parents: { boolean: true }, exclude: { repeatable: true } },
  ADD: { chown: {}, chmod: {}, link: { boolean: true }, 'keep-git-dir': { boolean: true }, checksum: {}, exclude: { repeatable: true }, unpack: { boolean: true } },
  RUN: { mount: { repeatable: true }, network: {}, security: {}, device: { repeatable: true } },
  HEALTHCHECK: { interval: {}, timeout: {}, 'start-period': {}, 'start-interval': {}, retries: {} },
};

export default defineRule({
  id: 'instruction-flags',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    // the file goes from not building to doing something
    fixSafety: 'unsafe',
    description: 'Instruction flags are ones the instruction knows, given once, with a value where one is needed.',
    messages: {
      unknown: '{{keyword}} has no flag "--{{flag}}".{{suggestion}}',
      duplicate: '"--{{flag}}" is given more than once; only one is allowed.',
      missingValue: '"--{{flag}}" needs a value: --{{flag}}=<value>.',
      notBoolean: '"--{{flag}}" takes true or false, not "{{value}}".',
    },
    schema: [],
  },
  create(ctx) {
    const check = (node: InstructionNode): void => {
      if (node.type === 'ONBUILD' && node.trigger) check(node.trigger);
      const keyword = node.keyword.toUpperCase();
      const known = FLAGS[keyword];
      if (!known) return;
      const seen = new Set<string>();
      for (const flag of node.flags) {
        const spec = known[flag.name];
        if (!spec) {
          reportUnknown(flag, keyword, Object.keys(known));
          continue;
        }
        if (seen.has(flag.name) && !spec.repeatable) ctx.report({ node: flag, messageId: 'duplicate', data: { flag: flag.name } });
        seen.add(flag.name);
        if (spec.boolean) {
          if (flag.value !== null && !/^(true|false)$/i.test(flag.value)) ctx.report({ node: flag, messageId: 'notBoolean', data: { flag: flag.name, value: flag.value } });
        } else if (flag.value === null || flag.value === '') {
          ctx.report({ node: flag, messageId: 'missingValue', data: { flag: flag.name } });
        }
      }
    };
    const reportUnknown = (flag: FlagNode, keyword: string, names: string[]): void => {
      const match = nearest(flag.name, names);
      ctx.report({
        node: flag,
        messageId: 'unknown',
        data: { keyword, flag: flag.name, suggestion: match ? ` Did you mean "--${match}"?` : '' },
        fix: match ? { description: `Change to --${match}`, edits: [{ range: flag.nameToken.range, text: match }] } : null,
      });
    };
    return { '*': check };
  },
});
