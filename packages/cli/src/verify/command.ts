import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { buildModel, parseDockerfile, type Stage } from '@dockerfile-opt/core';
import { UsageError } from '../args.js';
import type { CliIo } from '../cli.js';
import { BuildahBuilder } from './buildah.js';
import type { Builder } from './builder.js';
import { formatVerifyJson, formatVerifyText } from './format.js';
import { defaultTouch, verifyRewrite } from './verify.js';

export const VERIFY_HELP = `Usage: dockerfile-opt verify <Dockerfile> [options]

Build the Dockerfile as written and after its fixes (safe and unsafe), in the same context with
the same builder; edit one source file and rebuild both; print size, layers, build and rebuild
times, cached and rebuilt steps, and the files that differ.

Options:
  --context DIR      Build context (default: the Dockerfile's directory)
  --builder NAME     Image builder: buildah (default)
  --touch PATH       Source file to edit before the rebuild, relative to the context
                     (default: a source file of the app, e.g. src/main.rs)
  --run              Run both images' ENTRYPOINT/CMD and compare their output
  --probe URL        With --run, for a server: compare what URL answers (e.g. http://127.0.0.1:8080/)
  --run-timeout SEC  How long --run waits (default 10)
  --format FORMAT    text (default) or json

Exit code: 0 the fixed Dockerfile builds (and, with --run, gives the same output), 1 it does not,
2 usage error or no builder.
`;

export interface VerifyArgs {
  dockerfile: string;
  context?: string;
  builder: string;
  touch?: string;
  run: boolean;
  probe?: string;
  runTimeoutSeconds: number;
  format: 'text' | 'json';
}

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs | 'help' {
  const args: Partial<VerifyArgs> & Pick<VerifyArgs, 'builder' | 'run' | 'runTimeoutSeconds' | 'format'> = { builder: 'buildah', run: false, runTimeoutSeconds: 10, format: 'text' };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--run') {
      args.run = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`Option "${name}" needs a value.`);
    switch (name) {
      case '--context': args.context = value; break;
      case '--builder': args.builder = value; break;
      case '--touch': args.touch = value; break;
      case '--probe': args.probe = value; break;
      case '--run-timeout': {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--run-timeout: "${value}" is not a positive number of seconds.`);
        args.runTimeoutSeconds = seconds;
        break;
      }
      case '--format':
      case '-f':
        if (value !== 'text' && value !== 'json') throw new UsageError(`Unknown format "${value}" for verify; choose text or json.`);
        args.format = value;
        break;
      default:
        throw new UsageError(`Unknown option "${arg}" for verify.`);
    }
  }
  if (positional.length !== 1) throw new UsageError('verify takes exactly one Dockerfile.');
  return { ...args, dockerfile: positional[0] as string };
}

/** Builders by `--builder` name; tests pass their own. */
export type BuilderFactory = (name: string) => Builder | null;

const defaultBuilders: BuilderFactory = (name) => (name === 'buildah' ? new BuildahBuilder() : null);

/** `dockerfile-opt verify`: returns the exit code. */
export async function verifyCommand(argv: readonly string[], io: CliIo, builders: BuilderFactory = defaultBuilders): Promise<number> {
  const args = parseVerifyArgs(argv);
  if (args === 'help') {
    io.stdout.write(VERIFY_HELP);
    return 0;
  }
  const builder = builders(args.builder);
  if (!builder) throw new UsageError(`Unknown builder "${args.builder}"; the only one so far is buildah.`);
  const missing = await builder.unavailable();
  if (missing !== null) {
    io.stderr.write(`dockerfile-opt: verify needs an image builder: ${missing}\n`);
    return 2;
  }

  const dockerfile = resolve(io.cwd, args.dockerfile);
  if (!existsSync(dockerfile)) throw new UsageError(`No such Dockerfile: ${args.dockerfile}`);
  const context = resolve(io.cwd, args.context ?? dirname(dockerfile));
  if (!existsSync(context) || !statSync(context).isDirectory()) throw new UsageError(`The context ${context} is not a directory.`);
  const original = readFileSync(dockerfile, 'utf8');
  const { fixText } = await import('../api.js');
  const fixed = (await fixText(original, { cwd: io.cwd, filePath: dockerfile, unsafe: true })).output;
  if (fixed === original) {
    io.stdout.write('Nothing to verify: the fixes leave this Dockerfile unchanged.\n');
    return 0;
  }
  const touch = args.touch ?? (await defaultTouch(context));
  if (touch === null) throw new UsageError('The context has no source file to edit; name one with --touch.');
  if (!existsSync(resolve(context, touch)) || relative(context, resolve(context, touch)).startsWith('..')) {
    throw new UsageError(`--touch: ${touch} is not a file in the context.`);
  }

  const report = await verifyRewrite({
    builder,
    original,
    fixed,
    context,
    touch: relative(context, resolve(context, touch)),
    run: args.run ? { timeoutMs: args.runTimeoutSeconds * 1000, probeUrl: args.probe } : undefined,
    baseImage: finalBaseImage(original),
  });
  io.stdout.write(args.format === 'json' ? formatVerifyJson(report, builder.name) : formatVerifyText(report, builder.name));
  const fixedWorks = report.fixed.build.ok && report.fixed.rebuild?.ok === true && report.sameOutput !== false;
  return fixedWorks ? 0 : 1;
}

/** The image the final stage is built on (through stages based on stages); undefined when unknown. */
export function finalBaseImage(text: string): string | undefined {
  let stage: Stage | null = buildModel(parseDockerfile(text)).finalStage;
  for (let hops = 0; stage && hops < 100; hops++) {
    const base = stage.base;
    if (base.kind === 'image') return base.image;
    if (base.kind !== 'stage') return undefined;
    stage = base.stage;
  }
  return undefined;
}
