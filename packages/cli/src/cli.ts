import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, UsageError, type LintArgs, type RulesArgs } from './args.js';
import { wantsColor } from './color.js';
import { HELP } from './help.js';
import type { LintOutcome } from './engine.js';
import { ConfigFileError, FileError, type LintResult } from './types.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** The process environment `execute` runs in; tests pass their own. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read for `--stdin`. */
  stdin?: string | AsyncIterable<string | Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * Run the CLI with `argv` (the arguments after the program name). Returns the exit code: 0 no
 * errors (and warnings within `--max-warnings`), 1 problems found, 2 usage, configuration or
 * file error. Never throws.
 */
export async function execute(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`dockerfile-opt: ${message}\n`);
    return 2;
  };
  try {
    if (argv[0] === 'verify') {
      // Its own arguments and help; loaded only when asked for, like lint.
      const { verifyCommand } = await import('./verify/command.js');
      return await verifyCommand(argv.slice(1), io);
    }
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      case 'rules':
        return await listRules(args, io);
      case 'lint':
        return await lint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\nRun "dockerfile-opt --help" for usage.`);
    if (error instanceof ConfigFileError || error instanceof FileError) return fail(error.message);
    return fail(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

async function lint(args: LintArgs, io: CliIo): Promise<number> {
  // Loaded here, not at the top, so --help and --version stay instant. One at a time: they share
  // modules, and Jest's ESM loader fails on concurrent imports of the same graph.
  const { lintFileOutcomes, lintTextOutcome, outputFixes } = await import('./api.js');
  const { loadPiecewiseFormatter, formatterNames } = await import('./formatters/index.js');
  const { rules } = await import('@dockerfile-opt/rules');
  const formatter = await loadPiecewiseFormatter(args.format);
  if (!formatter) throw new UsageError(`Unknown format "${args.format}"; choose one of ${formatterNames.join(', ')}.`);
  const fix = args.fix || args.unsafeFixes || args.fixDryRun;
  const common = {
    cwd: io.cwd,
    configFile: args.config,
    rules: args.rules,
    // As ESLint: --quiet does not even run warning rules, unless --max-warnings needs them counted.
    errorsOnly: args.quiet ? (args.maxWarnings >= 0 ? 'report' : 'run') : undefined,
  } as const;

  const problems: FileError[] = [];
  let outcomes: LintOutcome[];
  if (args.stdin) {
    if (io.stdin === undefined) throw new UsageError('--stdin: there is no standard input to read.');
    const text = await readAll(io.stdin);
    outcomes = [await lintTextOutcome(text, { ...common, filePath: args.stdinFilename, name: '<stdin>', fix, unsafe: args.unsafeFixes })];
  } else {
    outcomes = await lintFileOutcomes(args.patterns, {
      ...common,
      fix,
      unsafeFixes: args.unsafeFixes,
      ignore: args.ignore,
      onError: (error) => problems.push(error),
    });
  }
  const results: LintResult[] = outcomes.map((o) => o.result);
  if (fix && !args.fixDryRun) problems.push(...outputFixes(results));

  const rulesMeta = Object.fromEntries(rules.map((r) => [r.id, r.meta]));
  const color = wantsColor(args.color, io.env, args.outputFile === undefined && io.stdout.isTTY === true);
  const report = formatter(results, { cwd: io.cwd, color, rulesMeta });
  if (args.outputFile !== undefined) {
    const target = resolve(io.cwd, args.outputFile);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeReportFile(target, report);
    } catch (error) {
      problems.push(new FileError(`Cannot write the report to ${args.outputFile}: ${(error as Error).message}`, args.outputFile));
    }
  } else {
    writeReport(io.stdout, report);
  }

  let failed = false;
  let warnings = 0;
  for (const outcome of outcomes) {
    warnings += outcome.warningCount;
    if (outcome.failureThreshold === 'none') continue;
    if (outcome.result.errorCount > 0 || (outcome.failureThreshold === 'warning' && outcome.warningCount > 0)) failed = true;
  }
  if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr.write(`dockerfile-opt found too many warnings (maximum: ${args.maxWarnings}).\n`);
    failed = true;
  }
  for (const problem of problems) io.stderr.write(`dockerfile-opt: ${problem.message}\n`);
  if (problems.length > 0) return 2;
  return failed ? 1 : 0;
}

/** Written in batches of about this many characters: few writes, no report-sized string. */
const REPORT_BATCH = 1 << 20;

function* batched(pieces: Iterable<string>): Iterable<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= REPORT_BATCH) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** Like `writeFileSync(target, pieces.join(''))`, piece by piece. */
function writeReportFile(target: string, pieces: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    for (const batch of batched(pieces)) {
      const bytes = Buffer.from(batch, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    }
  } finally {
    closeSync(fd);
  }
}

/** The report on standard output, ending with a newline; an empty report prints nothing. */
function writeReport(stdout: OutputStream, pieces: Iterable<string>): void {
  let last = '';
  for (const batch of batched(pieces)) {
    stdout.write(batch);
    last = batch;
  }
  if (last !== '' && !last.endsWith('\n')) stdout.write('\n');
}

async function listRules(args: RulesArgs, io: CliIo): Promise<number> {
  const { rules } = await import('@dockerfile-opt/rules');
  const { formatRulesText, ruleInfo } = await import('./rules-list.js');
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(rules.map(ruleInfo), null, 2)}\n`);
  else io.stdout.write(formatRulesText(rules, wantsColor(args.color, io.env, io.stdout.isTTY === true)));
  return 0;
}

async function readAll(input: string | AsyncIterable<string | Uint8Array>): Promise<string> {
  if (typeof input === 'string') return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
