import { defineRule } from '@dockerfile-opt/core';
import { hasOption, invocations, parseArgs, runVisitors } from '../_shared/commands.js';

/** useradd options that take a value. */
const VALUE_OPTIONS = new Set([
  '-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups',
  '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user',
]);

/** UIDs from 100000 up: hadolint's threshold (more than five digits). */
const HIGH_UID = /^\d{6,}$/;

export default defineRule({
  id: 'useradd-no-log-init',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'unsafe',
    sources: ['DL3046'],
    description: '`useradd` with a high UID uses `-l` (`--no-log-init`).',
    messages: {
      highUid: '"useradd -u {{uid}}" without -l writes a sparse /var/log/lastlog and faillog sized by the UID, which can add gigabytes to the layer: add -l (--no-log-init).',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const invocation of invocations(ctx.model, run)) {
        if (invocation.program !== 'useradd') continue;
        const parsed = parseArgs(invocation.args, VALUE_OPTIONS);
        if (hasOption(parsed.options, ['-l', '--no-log-init'])) continue;
        let uid: string | null = null;
        for (const option of parsed.options) {
          const value = option.value;
          if (value === '-u' || value === '--uid') uid = parsed.optionValues.get(option)?.text ?? null;
          else if (value.startsWith('--uid=')) uid = value.slice('--uid='.length);
          else if (/^-u\d/.test(value)) uid = value.slice(2);
        }
        // `-u $APP_UID`: the ARG or ENV default tells the UID.
        const resolved = uid === null ? null : ctx.model.expand(uid.replace(/^["']|["']$/g, ''), run).value;
        if (resolved === null || !HIGH_UID.test(resolved)) continue;
        const end = invocation.programWord.range[1];
        ctx.report({
          range: [invocation.programWord.range[0], end],
          messageId: 'highUid',
          data: { uid: resolved },
          fix: { description: 'Add -l (the image no longer gets lastlog/faillog entries for this user)', edits: [{ range: [end, end], text: ' -l' }] },
        });
      }
    });
  },
});
