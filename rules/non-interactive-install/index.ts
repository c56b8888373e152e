import { defineRule } from '@dockerfile-opt/core';
import { hasOption, runVisitors } from '../_shared/commands.js';
import { packageManagerCalls, type PackageManager } from '../_shared/package-managers.js';
import { commandRange } from '../_shared/run-helpers.js';

/**
 * Subcommands that ask for a confirmation, and the options that answer it, per manager. microdnf
 * is not here: it does not ask (the official openjdk images run `microdnf install` without -y).
 */
const PROMPTING: Partial<Record<PackageManager, { code: string; subcommands: ReadonlySet<string>; assumeYes: readonly string[] }>> = {
  yum: {
    code: 'DL3030',
    subcommands: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'autoremove', 'downgrade', 'distro-sync', 'swap']),
    assumeYes: ['-y', '--assumeyes'],
  },
  dnf: {
    code: 'DL3038',
    subcommands: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'autoremove', 'downgrade', 'distro-sync', 'swap']),
    assumeYes: ['-y', '--assumeyes'],
  },
  zypper: {
    code: 'DL3034',
    subcommands: new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si']),
    assumeYes: ['-n', '--non-interactive', '-y', '--no-confirm'],
  },
};

export default defineRule({
  id: 'non-interactive-install',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3030', 'DL3034', 'DL3038'],
    description: 'yum, dnf and zypper run with `-y` (or `-n`), since a build cannot answer their prompt.',
    messages: {
      missing: '"{{command}}" without {{flag}} asks for a confirmation that nobody can give during a build.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        const prompting = PROMPTING[call.manager];
        const subcommand = call.subcommand;
        if (!prompting || !subcommand || !prompting.subcommands.has(subcommand.value)) continue;
        if (hasOption(call.parsed.options, prompting.assumeYes)) continue;
        ctx.report({
          range: commandRange(call.invocation, subcommand),
          messageId: 'missing',
          data: { command: `${call.invocation.program} ${subcommand.value}`, flag: call.manager === 'zypper' ? '-n' : '-y' },
          sources: [prompting.code],
          // zypper's global -n answers every command's prompt; yum and dnf take -y anywhere.
          fix:
            call.manager === 'zypper'
              ? { description: 'Add -n', edits: [{ range: [call.invocation.programWord.range[1], call.invocation.programWord.range[1]], text: ' -n' }] }
              : { description: 'Add -y', edits: [{ range: [subcommand.range[1], subcommand.range[1]], text: ' -y' }] },
        });
      }
    });
  },
});
