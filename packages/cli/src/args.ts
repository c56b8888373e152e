import type { RuleSetting, SeverityValue } from '@dockerfile-opt/core';
import type { Concurrency } from './workers.js';

export interface LintArgs {
  command: 'lint';
  patterns: string[];
  fix: boolean;
  unsafeFixes: boolean;
  fixDryRun: boolean;
  format: string;
  outputFile?: string;
  config?: string;
  rules: Record<string, RuleSetting>;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** Undefined: decide from the environment. */
  color?: boolean;
  stdin: boolean;
  stdinFilename?: string;
  ignore: boolean;
  concurrency: Concurrency;
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
  color?: boolean;
}

export type Args = LintArgs | RulesArgs | { command: 'help' } | { command: 'version' };

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Command = 'lint' | 'rules';

/** Everything any command accepts, before the command's own checks. */
interface RawArgs extends Omit<LintArgs, 'command'> {
  command: Command;
}

type Option =
  | { kind: 'flag'; set: (args: RawArgs, value: boolean) => void; commands: Command[] }
  | { kind: 'value'; set: (args: RawArgs, value: string, name: string) => void; commands: Command[] };

const both: Command[] = ['lint', 'rules'];
const lint: Command[] = ['lint'];

const OPTIONS: Record<string, Option> = {
  '--fix': { kind: 'flag', commands: lint, set: (a, v) => (a.fix = v) },
  '--unsafe-fixes': { kind: 'flag', commands: lint, set: (a, v) => (a.unsafeFixes = v) },
  '--fix-dry-run': { kind: 'flag', commands: lint, set: (a, v) => (a.fixDryRun = v) },
  '--format': { kind: 'value', commands: both, set: (a, v) => (a.format = v) },
  '--output-file': { kind: 'value', commands: lint, set: (a, v) => (a.outputFile = v) },
  '--config': { kind: 'value', commands: lint, set: (a, v) => (a.config = v) },
  '--rule': { kind: 'value', commands: lint, set: (a, v) => Object.assign(a.rules, parseRule(v)) },
  '--max-warnings': { kind: 'value', commands: lint, set: (a, v, name) => (a.maxWarnings = parseCount(v, name)) },
  '--quiet': { kind: 'flag', commands: lint, set: (a, v) => (a.quiet = v) },
  '--color': { kind: 'flag', commands: both, set: (a, v) => (a.color = v) },
  '--stdin': { kind: 'flag', commands: lint, set: (a, v) => (a.stdin = v) },
  '--stdin-filename': { kind: 'value', commands: lint, set: (a, v) => (a.stdinFilename = v) },
  '--ignore': { kind: 'flag', commands: lint, set: (a, v) => (a.ignore = v) },
  '--concurrency': { kind: 'value', commands: lint, set: (a, v, name) => (a.concurrency = parseConcurrency(v, name)) },
};

const ALIASES: Record<string, string> = { '-f': '--format', '-o': '--output-file', '-c': '--config', '-q': '--quiet' };
/** Flags that may be negated with `--no-`. */
const NEGATABLE = new Set(['--color', '--ignore']);

/**
 * Parse the arguments after the program name: `[lint] [options] [paths...]`, `rules [options]`,
 * `--help`, `--version`. Accepts `--name value`, `--name=value`, `--no-color`, `--no-ignore`
 * and `--` before paths that start with a dash. Throws a `UsageError`.
 */
export function parseArgs(argv: readonly string[]): Args {
  if (argv.some((a) => a === '--help' || a === '-h')) return { command: 'help' };
  if (argv.some((a) => a === '--version' || a === '-v')) return { command: 'version' };
  let rest = [...argv];
  let command: Command = 'lint';
  if (rest[0] === 'lint' || rest[0] === 'rules') {
    command = rest[0];
    rest = rest.slice(1);
  } else if (rest[0] === 'help') return { command: 'help' };
  const args: RawArgs = {
    command,
    patterns: [],
    fix: false,
    unsafeFixes: false,
    fixDryRun: false,
    format: command === 'rules' ? 'text' : 'stylish',
    rules: {},
    maxWarnings: -1,
    quiet: false,
    stdin: false,
    ignore: true,
    concurrency: 'off',
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--') {
      args.patterns.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.patterns.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    let name = eq === -1 ? arg : arg.slice(0, eq);
    name = ALIASES[name] ?? name;
    let negated = false;
    if (name.startsWith('--no-') && NEGATABLE.has(`--${name.slice(5)}`)) {
      negated = true;
      name = `--${name.slice(5)}`;
    }
    const option = OPTIONS[name];
    if (!option) throw new UsageError(`Unknown option "${arg}".`);
    if (!option.commands.includes(command)) throw new UsageError(`Option "${name}" does not apply to the ${command} command.`);
    if (option.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`Option "${name}" takes no value.`);
      option.set(args, !negated);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      i++;
    }
    if (value === undefined || (eq === -1 && value.startsWith('-') && value !== '-' && !/^-\d/.test(value))) {
      throw new UsageError(`Option "${name}" needs a value.`);
    }
    option.set(args, value, name);
  }
  return command === 'rules' ? rulesArgs(args) : lintArgs(args);
}

function rulesArgs(args: RawArgs): RulesArgs {
  if (args.patterns.length > 0) throw new UsageError(`The rules command takes no paths (got "${args.patterns[0] as string}").`);
  if (args.format !== 'text' && args.format !== 'json') throw new UsageError(`The rules command prints "text" or "json", not "${args.format}".`);
  const out: RulesArgs = { command: 'rules', format: args.format };
  if (args.color !== undefined) out.color = args.color;
  return out;
}

function lintArgs(args: RawArgs): LintArgs {
  if (args.stdin && args.patterns.length > 0) throw new UsageError('--stdin lints standard input; it takes no paths.');
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename needs --stdin.');
  if (args.stdin && (args.fix || (args.unsafeFixes && !args.fixDryRun))) {
    throw new UsageError('--fix cannot write to standard input; use --fix-dry-run (with --format json, results carry the fixed text in "output").');
  }
  return { ...args, command: 'lint' };
}

function parseRule(value: string): Record<string, RuleSetting> {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new UsageError(`--rule expects "rule-id:severity" (off, warn or error), got "${value}".`);
  const id = value.slice(0, colon).trim();
  const setting = value.slice(colon + 1).trim();
  if (setting.startsWith('[')) {
    try {
      return { [id]: JSON.parse(setting) as RuleSetting };
    } catch {
      throw new UsageError(`--rule ${id}: "${setting}" is not valid JSON.`);
    }
  }
  const severities: Record<string, SeverityValue> = { off: 'off', warn: 'warn', warning: 'warn', error: 'error', '0': 0, '1': 1, '2': 2 };
  const severity = severities[setting];
  if (severity === undefined) throw new UsageError(`--rule ${id}: severity must be off, warn or error, got "${setting}".`);
  return { [id]: severity };
}

function parseCount(value: string, name: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new UsageError(`${name} expects a whole number (-1 for no limit), got "${value}".`);
  return Number(value);
}

function parseConcurrency(value: string, name: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} expects a number of threads (1 or more), auto or off, got "${value}".`);
  return Number(value);
}
