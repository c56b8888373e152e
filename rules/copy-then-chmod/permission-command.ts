import type { ShellWord } from '@dockerfile-opt/core';
import type { Invocation } from '../_shared/commands.js';

/** A `chmod MODE path…` or `chown OWNER path…` of a RUN, as far as it can be read. */
export interface PermissionCommand {
  invocation: Invocation;
  kind: 'chmod' | 'chown';
  /** The mode or `user[:group]`. */
  setting: ShellWord;
  targets: ShellWord[];
  recursive: boolean;
  /** Options other than recursive/verbose/quiet ones (`-h`, `--from=`): the COPY flag cannot say the same. */
  otherOptions: boolean;
}

/** Options that do not change what the command does to the files (symlink options like `-h` do). */
const PLAIN_OPTIONS = /^-[Rvfc]+$|^--(recursive|verbose|silent|quiet|changes|preserve-root|no-preserve-root)$/;
/** `chmod -x file`: a mode that starts with a dash. */
const DASH_MODE = /^-[rwxXst]+$/;

/** Read a `chmod` or `chown` invocation; null for other commands and for `--reference=` forms. */
export function permissionCommand(invocation: Invocation): PermissionCommand | null {
  const kind = invocation.program === 'chmod' ? 'chmod' : invocation.program === 'chown' ? 'chown' : null;
  if (!kind) return null;
  const positional: ShellWord[] = [];
  let recursive = false;
  let otherOptions = false;
  for (const word of invocation.args) {
    const isOption = word.value.startsWith('-') && !(kind === 'chmod' && DASH_MODE.test(word.value) && positional.length === 0);
    if (!isOption) positional.push(word);
    else if (word.value.startsWith('--reference')) return null;
    else if (PLAIN_OPTIONS.test(word.value)) recursive ||= /^-[a-zA-Z]*R|^--recursive$/.test(word.value);
    else otherOptions = true;
  }
  const [setting, ...targets] = positional;
  if (!setting || targets.length === 0) return null;
  return { invocation, kind, setting, targets, recursive, otherOptions };
}

/** The `--chmod` value equivalent to a chmod mode, for a freshly copied file: octal, or `+x`. */
export function copyChmodValue(mode: string): string | null {
  if (/^0?[0-7]{3}$/.test(mode)) return mode;
  // Copied files are usually 644: adding x for everyone gives 755.
  if (/^a?\+x$/.test(mode)) return '755';
  return null;
}
