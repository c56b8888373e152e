import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execute } from '../src/cli.js';
import type { LintResult } from '../src/types.js';

const PREFIX = join(tmpdir(), 'dockerfile-opt-cli-test-');

/** A fresh temporary directory; remove it with `removeTempDir`. */
export function makeTempDir(): string {
  return mkdtempSync(PREFIX);
}

/** Remove a directory made by `makeTempDir`, and nothing else. */
export function removeTempDir(dir: string): void {
  if (!dir.startsWith(PREFIX)) throw new Error(`refusing to remove ${dir}: not one of this test's temporary directories`);
  // Read-only directories made by a test would stop rmSync.
  try {
    chmodSync(dir, 0o755);
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Write `files` (relative path -> contents) below `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process in `cwd`. */
export async function run(argv: string[], cwd: string, options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await execute(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: options.stdin,
    cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Only these rules, at these severities: tests stay independent of the recommended set. */
export function onlyRules(rules: Record<string, string | unknown[]>): string {
  return JSON.stringify({ extends: 'none', rules });
}

/** A Dockerfile that trips apt-get-yes (safe fix), apt-no-install-recommends (unsafe fix) and workdir-relative (no fix). */
export const SAMPLE = 'FROM debian:12\nWORKDIR app\nRUN apt-get update && apt-get install curl\n';

/** A result with no findings, in the CLI's public shape. */
export function emptyResult(filePath: string): LintResult {
  return {
    filePath,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    unsafeFixableCount: 0,
    usedDeprecatedRules: [],
  };
}
