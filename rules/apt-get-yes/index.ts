import { defineRule, type DockerfileModel, type InstructionNode, type ShellWord } from '@dockerfile-opt/core';
import { hasOption, runVisitors } from '../_shared/commands.js';
import { packageManagerCalls, type PackageManagerCall } from '../_shared/package-managers.js';
import { commandRange } from '../_shared/run-helpers.js';

/** A variable that holds options rather than packages: `$APT_OPTS`, `"${APT_GET_FLAGS}"`, `$INSTALL_ARGS`. */
const OPTIONS_VARIABLE = /^"?\$\{?(?:\w*_)?(?:OPTS?|OPTIONS|FLAGS?|ARGS?)(?:\}|"|$)/i;

/** No-action options: apt only prints what it would do (`if apt-get install -s pkg; then`). */
const SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];

/** apt-get (and apt) subcommands that stop at "Do you want to continue? [Y/n]" when they change more than asked. */
const PROMPTING_SUBCOMMANDS: ReadonlySet<string> = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'build-dep']);

/** apt's boolean configuration values that mean yes. */
const APT_TRUE = /^(true|yes|on|with|enable|1)$/i;

/** `APT::Get::Assume-Yes "true";` written to an apt configuration file by an earlier command. */
const ASSUME_YES_CONFIG = /APT::Get::Assume-Yes\s+\\?"?(true|yes|on|with|enable|1)\b/i;

/** Whether a `-o` value (`APT::Get::Assume-Yes=true`) turns on assume-yes. */
function isAssumeYesSetting(setting: string): boolean {
  const match = /^APT::Get::Assume-Yes=(.*)$/i.exec(setting);
  return match !== null && APT_TRUE.test(match[1] as string);
}

/**
 * The quiet level the options set: each `q` of a short option cluster adds one (`-qq`, `-q -q`),
 * `-q=N` and `--quiet=N` set it. Level 2 implies `-y` (apt-get(8)).
 */
function quietLevel(options: readonly ShellWord[]): number {
  let level = 0;
  for (const { value } of options) {
    const assigned = /^(?:-q|--quiet)=(\d+)$/.exec(value);
    if (assigned) level = Number(assigned[1]);
    else if (value === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(value)) level += [...value].filter((ch) => ch === 'q').length;
  }
  return level;
}

function answersYes(call: PackageManagerCall): boolean {
  const { options, optionValues } = call.parsed;
  if (hasOption(options, ['-y', '--yes', '--assume-yes'])) return true;
  if (quietLevel(options) >= 2) return true;
  return options.some((option) => {
    const value = option.value;
    // `-oAPT::Get::Assume-Yes=true`, `--option=APT::Get::Assume-Yes=true`, or the value as the next word.
    const attached = /^(?:-o=?|--option=)(.+)$/.exec(value);
    if (attached) return isAssumeYesSetting(attached[1] as string);
    const next = optionValues.get(option);
    return (value === '-o' || value === '--option') && next !== undefined && isAssumeYesSetting(next.value);
  });
}

/** Whether an earlier instruction of the stage (or of the stages it is built on), or this RUN before `offset`, writes the assume-yes setting to apt's configuration. */
function configuredEarlier(model: DockerfileModel, text: string, run: InstructionNode, offset: number): boolean {
  if (ASSUME_YES_CONFIG.test(text.slice(run.range[0], offset))) return true;
  for (let stage = model.stageOf(run); stage; stage = stage.base.kind === 'stage' ? stage.base.stage : null) {
    for (const node of stage.instructions) {
      if (node.range[0] < run.range[0] && ASSUME_YES_CONFIG.test(text.slice(node.range[0], node.range[1]))) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'apt-get-yes',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL3014'],
    description: '`apt-get install` (and other apt-get commands that ask for a confirmation) run non-interactively with `-y`.',
    messages: { missing: '"{{command}}" without -y waits for a confirmation that never comes in a build.' },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        const subcommand = call.subcommand;
        if ((call.manager !== 'apt-get' && call.manager !== 'apt') || !subcommand || !PROMPTING_SUBCOMMANDS.has(subcommand.value)) continue;
        if (answersYes(call) || hasOption(call.parsed.options, SIMULATE)) continue;
        // `apt-get $APT_OPTS install` or `apt-get install $FLAGS curl`: the options may hold -y.
        if (call.invocation.args.some((word) => !word.isStatic && OPTIONS_VARIABLE.test(word.value))) continue;
        if (configuredEarlier(ctx.model, ctx.root.text, run, call.invocation.command.range[0])) continue;
        ctx.report({
          range: commandRange(call.invocation, subcommand),
          messageId: 'missing',
          data: { command: `${call.invocation.program} ${subcommand.value}` },
          fix: { description: 'Add -y', edits: [{ range: [subcommand.range[1], subcommand.range[1]], text: ' -y' }] },
        });
      }
    });
  },
});
