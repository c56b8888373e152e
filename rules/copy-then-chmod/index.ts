import {
  basename,
  defineRule,
  hasGlob,
  isUnder,
  resolveImagePath,
  type FileWrite,
  type FixDescriptor,
  type InstructionNode,
  type RuleContext,
  type ShellCommand,
  type Stage,
  type TextEdit,
} from '@dockerfile-opt/core';
import { invocations } from '../_shared/commands.js';
import { instructionLinesRange } from '../_shared/lines.js';
import { copyChmodValue, permissionCommand, type PermissionCommand } from './permission-command.js';

/** A chmod/chown target that a COPY or ADD of the same stage wrote, and nothing rewrote since. */
interface CopiedTarget {
  path: string;
  /** The path as the RUN writes it. */
  written: string;
  copy: InstructionNode;
}

/** Source names that are directories far more often than files. */
const DIRECTORY_NAMES = new Set(['var', 'bin', 'lib', 'data', 'config', 'conf', 'etc', 'public', 'static', 'assets', 'dist', 'build', 'src', 'node_modules', 'vendor', 'storage', 'logs', 'log', 'tmp', 'cache', 'www', 'html', 'scripts', 'templates']);

/** Whether the COPY put a whole directory at `path` (`COPY . /app`, `COPY src/ /app/`, `COPY --from=b /app/var /app/var`). */
function isCopiedDirectory(ctx: RuleContext, write: FileWrite): boolean {
  if (write.kind === 'tree') return true;
  const info = ctx.model.copyInfo(write.node);
  const landed = info.sources.filter((s) => (info.destIsDir ? resolveImagePath(info.destPath ?? '/', basename(s.value)) : info.destPath) === write.path);
  return landed.some((s) => s.value === '.' || s.value.endsWith('/') || DIRECTORY_NAMES.has(basename(s.value)));
}

/** The COPY/ADD that last wrote exactly `path` before the RUN, or null when a RUN or WORKDIR did. */
function copiedBy(ctx: RuleContext, path: string, earlier: readonly FileWrite[], recursive: boolean): InstructionNode | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const node = (earlier[i] as FileWrite).node;
    const writes = earlier.filter((w) => w.node === node);
    i -= writes.length - 1;
    const exact = writes.find((w) => w.path === path);
    if (!exact) {
      // Inside a tree, the file may come from this instruction without being its exact target.
      if (writes.some((w) => w.kind === 'tree' && isUnder(path, w.path))) return null;
      continue;
    }
    if (exact.how !== 'copy' && exact.how !== 'add') return null;
    // Without -R, chmod on a copied directory changes the directory entry only.
    return recursive || !isCopiedDirectory(ctx, exact) ? node : null;
  }
  return null;
}

/**
 * The edit that takes `command` out of its RUN: the whole RUN when it is the only command, else
 * the command with one of its `&&` (only in a plain `a && b && c` list, so what runs stays the same).
 */
function removalEdit(ctx: RuleContext, run: InstructionNode, command: ShellCommand): TextEdit | null {
  const scripts = ctx.model.shell(run);
  const commands = scripts[0]?.commands ?? [];
  if (run.heredocs.length > 0 || scripts.length !== 1) return null;
  if (commands.length === 1) return { range: instructionLinesRange(ctx.text, run), text: '' };
  const escape = ctx.root.escapeChar === '`' ? '`' : '\\\\';
  const andOnly = new RegExp(`^(?:[ \\t]|${escape}\\r?\\n)*&&(?:[ \\t]|${escape}\\r?\\n)*$`);
  const separators = commands.slice(1).map((next, i) => ctx.text.slice((commands[i] as ShellCommand).range[1], next.range[0]));
  if (commands.some((c) => c.inSubshell || c.inSubstitution) || !separators.every((text) => andOnly.test(text))) return null;
  const index = commands.indexOf(command);
  const next = commands[index + 1];
  const previous = commands[index - 1];
  if (next) return { range: [command.range[0], next.range[0]], text: '' };
  return previous ? { range: [previous.range[1], command.range[1]], text: '' } : null;
}

/** The stage's writes made by instructions before `node`. */
function writesBefore(ctx: RuleContext, stage: Stage, node: InstructionNode): FileWrite[] {
  const before = new Set(stage.instructions.slice(0, stage.instructions.indexOf(node)));
  return ctx.model.writes(stage).filter((w) => before.has(w.node));
}

const ACCOUNT_COMMANDS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod']);

/**
 * Whether a RUN after the COPY, up to the chown's own RUN, creates users or groups: `--chown=name`
 * looks the name up when the COPY runs, before they exist.
 */
function createsAccounts(ctx: RuleContext, copy: InstructionNode, run: InstructionNode): boolean {
  const stage = ctx.model.stageOf(run);
  if (!stage) return true;
  const between = stage.instructions.slice(stage.instructions.indexOf(copy) + 1, stage.instructions.indexOf(run) + 1);
  return between.some((node) => node.type === 'RUN' && invocations(ctx.model, node).some((i) => ACCOUNT_COMMANDS.has(i.program)));
}

/** `COPY --chmod=…` / `--chown=…` plus taking the command out of the RUN. */
function flagFix(ctx: RuleContext, run: InstructionNode, command: PermissionCommand, targets: readonly CopiedTarget[]): FixDescriptor | null {
  const copy = targets[0]?.copy;
  const removal = removalEdit(ctx, run, command.invocation.command);
  if (!copy || !removal || command.otherOptions || command.invocation.command.redirects.length > 0) return null;
  if (targets.length !== command.targets.length || targets.some((t) => t.copy !== copy)) return null;
  const info = ctx.model.copyInfo(copy);
  if (info.heredocSources > 0 || info.destPath === null || copy.flags.some((f) => f.name.toLowerCase() === command.kind)) return null;
  // The flag applies to everything the COPY writes: the RUN must have changed exactly that.
  const paths = new Set(targets.map((t) => t.path));
  const wholeDestination = command.recursive && paths.size === 1 && paths.has(info.destPath);
  const spreads = info.sources.some((s) => s.hasGlob || s.value === '.' || s.value.endsWith('/'));
  const destPath = info.destPath;
  const landing = info.destIsDir ? info.sources.map((s) => resolveImagePath(destPath, basename(s.value))) : [destPath];
  if (!wholeDestination && (spreads || landing.length !== paths.size || !landing.every((p) => paths.has(p)))) return null;
  const value = command.kind === 'chmod' ? copyChmodValue(command.setting.value) : command.setting.value;
  if (!value || !command.setting.isStatic) return null;
  if (command.kind === 'chown' && !/^\d+(:\d+)?$/.test(value) && createsAccounts(ctx, copy, run)) return null;
  return {
    description: `Use ${copy.keywordToken.value} --${command.kind}=${value} instead of ${command.kind} in a RUN`,
    edits: [{ range: [copy.keywordToken.range[1], copy.keywordToken.range[1]], text: ` --${command.kind}=${value}` }, removal],
  };
}

export default defineRule({
  id: 'copy-then-chmod',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    description: 'Set modes and owners while copying (`COPY --chmod/--chown`), not in a RUN that stores the files again.',
    messages: {
      copied:
        '{{command}} on "{{path}}"{{more}}, which the {{copy}} on line {{line}} copied, stores the file again in a new layer: use {{copy}} --{{command}} instead.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      RUN(node) {
        const stage = ctx.model.stageOf(node);
        if (!stage || node.execForm) return;
        const workdir = ctx.model.stateAt(node).workdir;
        let changedDirectory = false;
        let earlier: FileWrite[] | undefined;
        for (const invocation of invocations(ctx.model, node)) {
          if (invocation.program === 'cd') changedDirectory = true;
          const command = permissionCommand(invocation);
          if (!command) continue;
          // Only RUNs that chmod/chown pay for collecting the writes before them.
          earlier ??= writesBefore(ctx, stage, node);
          if (!earlier.some((w) => w.how === 'copy' || w.how === 'add')) return;
          const targets: CopiedTarget[] = [];
          for (const word of command.targets) {
            // After a `cd`, a relative path is relative to a directory this rule does not follow.
            if (!word.isStatic || hasGlob(word.value) || (changedDirectory && !word.value.startsWith('/'))) continue;
            const path = resolveImagePath(workdir, word.value);
            const copy = copiedBy(ctx, path, earlier, command.recursive);
            if (copy) targets.push({ path, written: word.value, copy });
          }
          const first = targets[0];
          if (!first) continue;
          const last = command.targets.at(-1) ?? command.setting;
          ctx.report({
            range: [invocation.programWord.range[0], last.range[1]],
            messageId: 'copied',
            data: {
              command: command.kind,
              path: first.written,
              more: targets.length > 1 ? ` (and ${targets.length - 1} more)` : '',
              copy: first.copy.type,
              line: first.copy.loc.start.line,
            },
            fix: flagFix(ctx, node, command, targets),
          });
        }
      },
    };
  },
});
