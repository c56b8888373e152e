import { chmodSync, chownSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replace a file's contents atomically: write a temporary file in the same directory (same file
 * system), give it the original's mode (and owner, when allowed), then rename it over the
 * original. A symbolic link is followed, so the link stays a link. When `expected` is given and
 * the file no longer holds it, nothing is written. On any failure the original is untouched and
 * the temporary file is removed.
 */
/** Temporary names are unique within this process by the counter, across processes by the pid and time ('wx' refuses the rare clash). */
let written = 0;

export function writeFileAtomic(path: string, text: string, expected?: string): void {
  const target = realpathSync(path);
  const stats = statSync(target);
  if (expected !== undefined && readFileSync(target, 'utf8') !== expected) {
    throw new Error('the file changed on disk while it was being linted');
  }
  const mode = stats.mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.${++written}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // openSync's mode is filtered by the umask; set it exactly.
    chmodSync(temp, mode);
    if (typeof process.getuid === 'function' && process.getuid() === 0) chownSync(temp, stats.uid, stats.gid);
    renameSync(temp, target);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(temp);
    } catch {
      // It was never created, or the rename already consumed it.
    }
    throw error;
  }
}
