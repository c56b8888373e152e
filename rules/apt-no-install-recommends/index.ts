import { defineRule, type DockerfileModel, type InstructionNode } from '@dockerfile-opt/core';
import { hasOption, runVisitors } from '../_shared/commands.js';
import { packageManagerCalls, type PackageManagerCall } from '../_shared/package-managers.js';
import { commandRange } from '../_shared/run-helpers.js';

/** A variable that holds options rather than packages: `$APT_OPTS`, `"${APT_GET_FLAGS}"`, `$INSTALL_ARGS`. */
const OPTIONS_VARIABLE = /^"?\$\{?(?:\w*_)?(?:OPTS?|OPTIONS|FLAGS?|ARGS?)(?:\}|"|$)/i;

/** No-action options: apt only prints what it would do (`if apt-get install -s pkg; then`). */
const SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];

/** apt's boolean configuration values that mean no. */
const APT_FALSE = /^(false|no|off|without|disable|0)$/i;

/** `APT::Install-Recommends "false";` written to an apt configuration file by an earlier command. */
const NO_RECOMMENDS_CONFIG = /APT::Install-Recommends\s+\\?"?(false|no|off|without|disable|0)\b/i;

/** Whether a `-o` value (`APT::Install-Recommends=false`) turns recommended packages off. */
function isNoRecommendsSetting(setting: string): boolean {
  const match = /^APT::Install-Recommends=(.*)$/i.exec(setting);
  return match !== null && APT_FALSE.test(match[1] as string);
}

function skipsRecommends(call: PackageManagerCall): boolean {
  const { options, optionValues } = call.parsed;
  if (hasOption(options, ['--no-install-recommends'])) return true;
  return options.some((option) => {
    const value = option.value;
    if (/^--install-recommends=/.test(value)) return APT_FALSE.test(value.slice('--install-recommends='.length));
    // `-oAPT::Install-Recommends=false`, `--option=APT::Install-Recommends=false`, or the value as the next word.
    const attached = /^(?:-o=?|--option=)(.+)$/.exec(value);
    if (attached) return isNoRecommendsSetting(attached[1] as string);
    const next = optionValues.get(option);
    return (value === '-o' || value === '--option') && next !== undefined && isNoRecommendsSetting(next.value);
  });
}

/** Whether an earlier instruction of the stage (or of the stages it is built on), or this RUN before `offset`, turns recommends off in apt's configuration. */
function configuredEarlier(model: DockerfileModel, text: string, run: InstructionNode, offset: number): boolean {
  if (NO_RECOMMENDS_CONFIG.test(text.slice(run.range[0], offset))) return true;
  for (let stage = model.stageOf(run); stage; stage = stage.base.kind === 'stage' ? stage.base.stage : null) {
    for (const node of stage.instructions) {
      if (node.range[0] < run.range[0] && NO_RECOMMENDS_CONFIG.test(text.slice(node.range[0], node.range[1]))) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'apt-no-install-recommends',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'unsafe',
    sources: ['DL3015'],
    description: '`apt-get install` uses `--no-install-recommends` to keep images small.',
    messages: { missing: 'Add --no-install-recommends to avoid installing packages nobody asked for.' },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        const subcommand = call.subcommand;
        if ((call.manager !== 'apt-get' && call.manager !== 'apt') || subcommand?.value !== 'install') continue;
        if (skipsRecommends(call) || hasOption(call.parsed.options, SIMULATE)) continue;
        // `apt-get install $APT_OPTS curl`: the options may hold --no-install-recommends.
        if (call.invocation.args.some((word) => !word.isStatic && OPTIONS_VARIABLE.test(word.value))) continue;
        if (configuredEarlier(ctx.model, ctx.root.text, run, call.invocation.command.range[0])) continue;
        ctx.report({
          range: commandRange(call.invocation, subcommand),
          messageId: 'missing',
          fix: {
            description: 'Add --no-install-recommends (installs fewer packages; the build may need some of them)',
            edits: [{ range: [subcommand.range[1], subcommand.range[1]], text: ' --no-install-recommends' }],
          },
        });
      }
    });
  },
});
