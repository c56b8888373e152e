import type { DockerfileModel, InstructionNode, RuleVisitors, ShellCommand, ShellWord } from '@dockerfile-opt/core';
import { withOnbuildTriggers } from './onbuild.js';

/** A command as the program sees it: wrappers (`sudo`, `env`) stripped, the program's basename as `program`. */
export interface Invocation {
  command: ShellCommand;
  /** The word that names the program (`/usr/bin/apt-get` → program `apt-get`). */
  programWord: ShellWord;
  program: string;
  /** The words after the program word. */
  args: ShellWord[];
}

/** Wrappers that run the rest of their arguments as a command (`xargs` adds more), with the options they take a value for. */
const WRAPPERS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  time: new Set(),
  exec: new Set(),
  command: new Set(),
  xargs: new Set(['-n', '-I', '-a', '-d', '-L', '-P', '-s', '-E', '--max-args', '--arg-file', '--delimiter', '--max-lines', '--max-procs', '--max-chars']),
};

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The program a command runs, looking through wrappers such as `sudo -E apt-get` or `env A=1 pip`. */
export function invocationOf(command: ShellCommand): Invocation | null {
  if (!command.name) return null;
  let programWord = command.name;
  let args = command.args;
  for (let depth = 0; depth < 4; depth++) {
    const wrapperOptions = WRAPPERS[basename(programWord.value)];
    if (!wrapperOptions) break;
    let i = 0;
    while (i < args.length) {
      const word = args[i] as ShellWord;
      if (word.value === '--') {
        i++;
        break;
      }
      if (word.value.startsWith('-')) i += wrapperOptions.has(word.value) ? 2 : 1;
      else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value)) i++;
      else break;
    }
    const next = args[i];
    if (!next) return null;
    programWord = next;
    args = args.slice(i + 1);
  }
  return { command, programWord, program: basename(programWord.value), args };
}

/**
 * Every command of a RUN (shell form and heredoc scripts), as invocations. Computed for the first
 * rule that asks and shared by the twenty or so others (they only read them).
 */
export function invocations(model: DockerfileModel, run: InstructionNode): readonly Invocation[] {
  return model.derive(run, invocationsOfRun);
}

function invocationsOfRun(model: DockerfileModel, run: InstructionNode): readonly Invocation[] {
  const out: Invocation[] = [];
  for (const script of model.shell(run)) {
    for (const command of script.commands) {
      const invocation = invocationOf(command);
      if (invocation) out.push(invocation);
    }
  }
  return out;
}

/** Visitors that call `check` for every RUN, including `ONBUILD RUN` triggers (written here, run downstream). */
export function runVisitors(check: (run: InstructionNode) => void): RuleVisitors {
  return withOnbuildTriggers({ RUN: check });
}

export interface ParsedArgs {
  /** Option words (`-y`, `--no-cache`, `--index-url=x`, `-o`), in order. */
  options: ShellWord[];
  /** Values of options that take one as the next word, keyed by the option word. */
  optionValues: Map<ShellWord, ShellWord>;
  /** Non-option words, in order (the subcommand first, when there is one). */
  operands: ShellWord[];
}

/**
 * Split arguments into options and operands. `valueOptions` names the options that take the next
 * word as their value (`-o`, `--target-release`); a short option cluster such as `-yq` takes none,
 * unless its last letter is one of them.
 */
export function parseArgs(args: readonly ShellWord[], valueOptions: ReadonlySet<string>): ParsedArgs {
  const parsed: ParsedArgs = { options: [], optionValues: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const value = word.value;
    if (value === '--') {
      parsed.operands.push(...args.slice(i + 1));
      break;
    }
    if (!word.isStatic || !value.startsWith('-') || value === '-') {
      parsed.operands.push(word);
      continue;
    }
    parsed.options.push(word);
    if (value.includes('=')) continue;
    const takesValue = value.startsWith('--') ? valueOptions.has(value) : valueOptions.has(`-${value.at(-1) ?? ''}`);
    const next = args[i + 1];
    if (takesValue && next) {
      parsed.optionValues.set(word, next);
      i++;
    }
  }
  return parsed;
}

/** Whether an option is present: `names` holds long options (`--yes`) and single short letters (`-y`, also found in `-qy`). */
export function hasOption(options: readonly ShellWord[], names: readonly string[]): boolean {
  return options.some((word) => optionMatches(word.value, names));
}

export function optionMatches(value: string, names: readonly string[]): boolean {
  for (const name of names) {
    if (name.startsWith('--')) {
      if (value === name || value.startsWith(`${name}=`)) return true;
    } else if (value === name) {
      return true;
    } else if (name.length === 2 && !value.startsWith('--') && (/^-([A-Za-z0-9]+)/.exec(value)?.[1] ?? '').includes(name.slice(1))) {
      // A short option inside a cluster: `-qy` holds `-y`, `-qO-` holds `-q`.
      return true;
    }
  }
  return false;
}
