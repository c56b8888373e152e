/**
 * A worker thread of `lintInWorkers` (workers.ts): lints the files it is sent, one message each,
 * with the options it was started with, and answers with the outcome.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { initShellParser } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { describeIoError } from './config-files.js';
import { lintSource, type LintConfig } from './engine.js';
import type { Job, JobResult, WorkerOptions } from './workers.js';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread of dockerfile-opt');
// One options object and one object per config for the whole run: the engine reuses what it
// resolved for them.
const options = { ...(workerData as WorkerOptions), rules };
const configs = new Map<number, LintConfig>();
await initShellParser();

port.on('message', (job: Job) => {
  port.postMessage(lintJob(job));
});

function lintJob({ index, path, configId, config: sent }: Job): JobResult {
  if (sent) configs.set(configId, sent);
  const config = configs.get(configId);
  if (!config) return { index, kind: 'crashed', error: `config ${configId} was never sent` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { index, kind: 'unreadable', reason: describeIoError(error) };
  }
  try {
    const outcome = lintSource({ text, path, name: path, config }, options);
    // The text as read is what outputFixes checks the file against before writing the fix.
    return outcome.result.output === undefined ? { index, kind: 'linted', outcome } : { index, kind: 'linted', outcome, original: text };
  } catch (error) {
    return { index, kind: 'crashed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
