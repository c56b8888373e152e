import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, UsageError, type LintArgs, type RulesArgs } from './args.js';
import { wantsColor } from './color.js';
import { HELP } from './help.js';
import type { LintOutcome } from './engine.js';
import { ConfigFileError, FileError, type LintResult } from './types.js';
import { toolVersion } from './version.js';

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
        io.stdout.write(`${toolVersion()}\n`);
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
  const { eachFileOutcome, lintFileOutcomes, lintTextOutcome, outputFixes } = await import('./api.js');
  const { loadStreamingFormatter, formatterNames } = await import('./formatters/index.js');
  const { rules } = await import('@dockerfile-opt/rules');
  const formatter = await loadStreamingFormatter(args.format);
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
  let outcomes: AsyncIterable<LintOutcome> | Iterable<LintOutcome>;
  if (args.stdin) {
    if (io.stdin === undefined) throw new UsageError('--stdin: there is no standard input to read.');
    const text = await readAll(io.stdin);
    outcomes = [await lintTextOutcome(text, { ...common, filePath: args.stdinFilename, name: '<stdin>', fix, unsafe: args.unsafeFixes })];
  } else {
    const files = {
      ...common,
      fix,
      unsafeFixes: args.unsafeFixes,
      ignore: args.ignore,
      concurrency: args.concurrency,
      onError: (error: FileError) => problems.push(error),
    };
    if (fix) {
      // Fixes are written before the report, so every result is needed first.
      const all = await lintFileOutcomes(args.patterns, files);
      if (!args.fixDryRun) problems.push(...outputFixes(all.map((o) => o.result)));
      outcomes = all;
    } else {
      // Each file is linted as the formatter asks for its result, and dropped once formatted.
      outcomes = eachFileOutcome(args.patterns, files);
    }
  }

  const rulesMeta = Object.fromEntries(rules.map((r) => [r.id, r.meta]));
  const color = wantsColor(args.color, io.env, args.outputFile === undefined && io.stdout.isTTY === true);
  const tally = new ExitTally();
  // The whole report is made before any of it is written: a run that fails half-way (a bad
  // config file further down) leaves the output file and standard output as they were.
  const report = new ReportSpool();
  for await (const piece of formatter(tally.results(outcomes), { cwd: io.cwd, color, rulesMeta })) report.add(piece);
  const chunks = report.finish();
  if (args.outputFile !== undefined) {
    const target = resolve(io.cwd, args.outputFile);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeChunks(target, chunks);
    } catch (error) {
      problems.push(new FileError(`Cannot write the report to ${args.outputFile}: ${(error as Error).message}`, args.outputFile));
    }
  } else {
    printChunks(io.stdout, chunks);
  }

  let failed = tally.failed;
  if (args.maxWarnings >= 0 && tally.warnings > args.maxWarnings) {
    io.stderr.write(`dockerfile-opt found too many warnings (maximum: ${args.maxWarnings}).\n`);
    failed = true;
  }
  for (const problem of problems) io.stderr.write(`dockerfile-opt: ${problem.message}\n`);
  if (problems.length > 0) return 2;
  return failed ? 1 : 0;
}

/** What the exit code needs from the outcomes, counted as they pass to the formatter. */
class ExitTally {
  failed = false;
  warnings = 0;

  async *results(outcomes: AsyncIterable<LintOutcome> | Iterable<LintOutcome>): AsyncGenerator<LintResult, void, undefined> {
    for await (const outcome of outcomes) {
      this.warnings += outcome.warningCount;
      if (outcome.failureThreshold !== 'none' && (outcome.result.errorCount > 0 || (outcome.failureThreshold === 'warning' && outcome.warningCount > 0))) {
        this.failed = true;
      }
      yield outcome.result;
    }
  }
}

/** The report is gathered in UTF-8 chunks of this many bytes (or one piece, when bigger). */
const REPORT_CHUNK = 1 << 20;

/**
 * A report's text, kept as UTF-8 buffers (outside the JavaScript heap) until it is written. Each
 * piece is encoded straight into the current chunk: joining pieces into strings first would make a
 * whole batch two-byte (slow to encode) as soon as one piece holds a character beyond Latin-1.
 */
class ReportSpool {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(0);
  private used = 0;

  add(piece: string): void {
    const bytes = Buffer.byteLength(piece, 'utf8');
    if (this.used + bytes > this.current.length) {
      this.flush();
      this.current = Buffer.allocUnsafe(Math.max(REPORT_CHUNK, bytes));
    }
    this.used += this.current.write(piece, this.used, 'utf8');
  }

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
    this.current = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

/** Like `writeFileSync(target, chunks joined)`. */
function writeChunks(target: string, chunks: readonly Buffer[]): void {
  const fd = openSync(target, 'w');
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
    }
  } finally {
    closeSync(fd);
  }
}

/** The report on standard output, ending with a newline; an empty report prints nothing. */
function printChunks(stdout: OutputStream, chunks: readonly Buffer[]): void {
  // Each chunk holds whole pieces of text, so none ends inside a character.
  for (const chunk of chunks) stdout.write(chunk.toString('utf8'));
  const last = chunks.at(-1);
  if (last !== undefined && last[last.length - 1] !== 0x0a) stdout.write('\n');
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

