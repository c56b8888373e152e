import { availableParallelism } from 'node:os';
import type { LoadedConfig } from './config-files.js';
import type { EngineOptions, LintConfig, LintOutcome } from './engine.js';

/** How many threads lint files: a number, `auto` (one per two cores, given enough files) or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * With `auto`, a thread is started only for every this many files: each one loads the program and
 * compiles the shell parser again (about 0.2 s of CPU), which a few files do not pay back.
 */
export const FILES_PER_THREAD = 100;

/**
 * With `auto`, a thread per this many cores: one linting thread keeps about one and a half cores
 * busy (V8 collects garbage and compiles on helper threads). On 2 cores, two linting threads took
 * 40 % more CPU and longer than one (docs/PERFORMANCE.md).
 */
export const CORES_PER_THREAD = 2;

/**
 * Files sent ahead to each worker, so that it never waits for the main thread (which, on a busy
 * machine, may wait its turn for a core before it answers).
 */
const JOBS_IN_FLIGHT = 4;

/** The number of threads to lint `files` files with; 1 means: in this thread, no workers. */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return Math.max(1, Math.min(Math.floor(availableParallelism() / CORES_PER_THREAD), Math.floor(files / FILES_PER_THREAD)));
  return Math.max(1, Math.min(concurrency, files));
}

/** What a worker is started with. */
export type WorkerOptions = Omit<EngineOptions, 'rules'>;

/** A file to lint, as sent to a worker: its config by number, and in full the first time the worker meets it. */
export interface Job {
  index: number;
  path: string;
  configId: number;
  config?: LintConfig;
}

/** A worker's answer for one job. */
export type JobResult =
  | { index: number; kind: 'linted'; outcome: LintOutcome; original?: string }
  | { index: number; kind: 'unreadable'; reason: string }
  | { index: number; kind: 'crashed'; error: string };

/** Set by the bundler (scripts/bundle.mjs), which bundles the worker as its own entry point. */
declare const DOCKERFILE_OPT_LINT_WORKER: string | undefined;

function workerUrl(): URL {
  return new URL(typeof DOCKERFILE_OPT_LINT_WORKER === 'string' ? DOCKERFILE_OPT_LINT_WORKER : './lint-worker.js', import.meta.url);
}

/**
 * Lint `paths` on `threads` worker threads, yielding the answers in the order of `paths` as soon
 * as each one and those before it are in (an answer is not kept once yielded). A worker that
 * fails (a bug, not a finding) fails the whole run, as it would in one thread. The workers stop
 * when the last answer is yielded, on failure, or when the caller stops early.
 */
export async function* lintInWorkers(
  paths: readonly string[],
  configFor: (path: string) => Promise<LoadedConfig>,
  options: WorkerOptions,
  threads: number,
): AsyncGenerator<JobResult, void, undefined> {
  const jobs: Job[] = [];
  const configIds = new Map<LoadedConfig, number>();
  const configs: LintConfig[] = [];
  for (const [index, path] of paths.entries()) {
    const loaded = await configFor(path);
    let configId = configIds.get(loaded);
    if (configId === undefined) {
      const { dir, config, failureThreshold } = loaded;
      configId = configs.push(failureThreshold === undefined ? { dir, config } : { dir, config, failureThreshold }) - 1;
      configIds.set(loaded, configId);
    }
    jobs.push({ index, path, configId });
  }
  // Loaded here: most runs lint in one thread and never need it.
  const { Worker } = await import('node:worker_threads');
  const arrived = new Map<number, JobResult>();
  let failure: Error | undefined;
  /** Wakes the generator when an answer arrives or a worker fails. */
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => {
    const worker = new Worker(workerUrl(), { workerData: options });
    let inFlight = 0;
    const known = new Set<number>();
    const send = (): void => {
      const job = jobs[next];
      if (!job) return;
      next++;
      inFlight++;
      if (known.has(job.configId)) worker.postMessage(job);
      else {
        known.add(job.configId);
        worker.postMessage({ ...job, config: configs[job.configId] });
      }
    };
    const fail = (error: Error): void => {
      failure ??= error;
      notify();
    };
    worker.on('message', (result: JobResult) => {
      inFlight--;
      if (result.kind === 'crashed') {
        fail(new Error(`linting ${paths[result.index] ?? '?'} failed: ${result.error}`));
        return;
      }
      arrived.set(result.index, result);
      send();
      notify();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (inFlight > 0 || next < jobs.length) fail(new Error(`a lint worker stopped (exit code ${code})`));
    });
    for (let i = 0; i < JOBS_IN_FLIGHT; i++) send();
    return worker;
  });
  try {
    for (let index = 0; index < jobs.length; index++) {
      let result = arrived.get(index);
      while (result === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        result = arrived.get(index);
      }
      if (failure) throw failure;
      arrived.delete(index);
      yield result;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
