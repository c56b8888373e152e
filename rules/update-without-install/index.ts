import { defineRule, shellSourceOf, type FixDescriptor, type InstructionNode } from '@dockerfile-opt/core';
import { invocations } from '../_shared/commands.js';
import { packageManagerCall, packageManagerCalls, type PackageManager, type PackageManagerCall } from '../_shared/package-managers.js';
import { commandRange, isAndChain } from '../_shared/run-helpers.js';

/** Per family of managers: the subcommands that refresh the package index, and those that use it. */
interface Family {
  managers: readonly PackageManager[];
  updates: ReadonlySet<string>;
  consumers: ReadonlySet<string>;
}

const RPM_CONSUMERS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'distro-sync', 'swap']);

const FAMILIES: Family[] = [
  {
    managers: ['apt-get', 'apt'],
    updates: new Set(['update']),
    consumers: new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'satisfy']),
  },
  { managers: ['apk'], updates: new Set(['update']), consumers: new Set(['add', 'upgrade', 'fix']) },
  { managers: ['yum', 'dnf', 'microdnf'], updates: new Set(['makecache']), consumers: RPM_CONSUMERS },
  {
    managers: ['zypper'],
    updates: new Set(['refresh', 'ref']),
    consumers: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
  },
];

function familyOf(call: PackageManagerCall): Family | undefined {
  return FAMILIES.find((f) => f.managers.includes(call.manager));
}

function uses(calls: readonly PackageManagerCall[], family: Family, subcommands: ReadonlySet<string>): boolean {
  return calls.some((c) => family.managers.includes(c.manager) && c.subcommand !== null && subcommands.has(c.subcommand.value));
}

export default defineRule({
  id: 'update-without-install',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: [],
    description: 'A package index update runs in the same RUN as the install that needs it.',
    messages: {
      alone: '"{{command}}" in a RUN that installs nothing: its layer stays cached, so a later install may read stale package lists and fail. Update and install in the same RUN.',
    },
    schema: [],
  },
  create(ctx) {
    /**
     * `RUN apt-get update` directly followed by a shell-form RUN that installs: move the update into
     * that RUN. Only for a RUN that does nothing else, has no flags, and no comment in between.
     */
    const mergeFix = (run: InstructionNode, family: Family): FixDescriptor | null => {
      const stage = ctx.model.stageOf(run);
      const next = stage?.instructions[stage.instructions.indexOf(run) + 1];
      if (!next || next.type !== 'RUN' || next.execForm || next.heredocs.length > 0 || !next.bodyRange) return null;
      // `update && install; rm ...` would let the RUN succeed after the update failed.
      if (!isAndChain(shellSourceOf(ctx.text.slice(...next.bodyRange), ctx.root.escapeChar).trim())) return null;
      if (run.flags.length > 0 || run.heredocs.length > 0 || run.innerComments.length > 0 || !run.bodyRange) return null;
      if (!uses(packageManagerCalls(ctx.model, next), family, family.consumers)) return null;
      const onlyUpdates = invocations(ctx.model, run).every((i) => {
        const call = packageManagerCall(i);
        return call !== null && family.managers.includes(call.manager) && call.subcommand !== null && family.updates.has(call.subcommand.value);
      });
      if (!onlyUpdates || ctx.text.slice(run.range[1], next.range[0]).trim() !== '') return null;
      const update = ctx.text
        .slice(run.bodyRange[0], run.bodyRange[1])
        .replace(new RegExp(`\\s*\\${ctx.root.escapeChar}\\r?\\n\\s*`, 'g'), ' ')
        .trim();
      return {
        description: 'Move the update into the next RUN, which installs',
        edits: [
          { range: [run.range[0], next.range[0]], text: '' },
          { range: [next.bodyRange[0], next.bodyRange[0]], text: `${update} && ` },
        ],
      };
    };

    return {
      RUN(run) {
        const calls = packageManagerCalls(ctx.model, run);
        const reported = new Set<Family>();
        for (const call of calls) {
          const family = familyOf(call);
          if (!family || !call.subcommand || !family.updates.has(call.subcommand.value) || reported.has(family)) continue;
          if (uses(calls, family, family.consumers)) continue;
          reported.add(family);
          ctx.report({
            range: commandRange(call.invocation, call.subcommand),
            messageId: 'alone',
            data: { command: `${call.invocation.program} ${call.subcommand.value}` },
            fix: mergeFix(run, family),
          });
        }
      },
    };
  },
});
