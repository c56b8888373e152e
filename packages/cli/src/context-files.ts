import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** Context files larger than this are not read: rules look at manifests, not at data. */
const MAX_CONTEXT_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A `readContextFile` for rules: reads `relativePath` below `dir` (the Dockerfile's directory) as
 * UTF-8, or returns null when it is missing, not a regular file, too large, or outside `dir`
 * (absolute, `..`, or a symbolic link that leads out).
 */
export function contextReader(dir: string): (relativePath: string) => string | null {
  let realDir: string | null | undefined;
  // Several rules ask for the same files (.dockerignore, package.json, ...): read each once.
  const read = new Map<string, string | null>();
  return (relativePath) => {
    let text = read.get(relativePath);
    if (text === undefined) {
      text = readInside(relativePath);
      read.set(relativePath, text);
    }
    return text;
  };

  function readInside(relativePath: string): string | null {
    if (isAbsolute(relativePath)) return null;
    const target = resolve(dir, relativePath);
    if (!isInside(dir, target)) return null;
    try {
      // Most files asked for do not exist: one stat, and no exception (costly) to say so.
      const stats = statSync(target, { throwIfNoEntry: false });
      if (!stats?.isFile() || stats.size > MAX_CONTEXT_FILE_BYTES) return null;
      // The native realpath is one system call; the JavaScript one an lstat per path component.
      realDir ??= realpathSync.native(dir);
      const real = realpathSync.native(target);
      if (!isInside(realDir, real)) return null;
      return readFileSync(real, 'utf8');
    } catch {
      return null;
    }
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
