import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Rules read manifests (go.mod, package.json), not data: larger files are not read. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads build-context files for rules: paths relative to the folder of a Dockerfile that exists on
 * disk, never leaving that folder (no absolute paths, no `..`, no symbolic link that leads out),
 * regular files only. Null when a file cannot be read; undefined when the Dockerfile is not on disk.
 */
export function contextReader(physicalFilename: string): ((relativePath: string) => string | null) | undefined {
  if (!isAbsolute(physicalFilename) || !existsSync(physicalFilename)) return undefined;
  const folder = realpathSync(dirname(physicalFilename));
  return (relativePath) => {
    if (isAbsolute(relativePath) || !isBelow(folder, resolve(folder, relativePath))) return null;
    try {
      const real = realpathSync(resolve(folder, relativePath));
      const stats = statSync(real);
      return isBelow(folder, real) && stats.isFile() && stats.size <= MAX_BYTES ? readFileSync(real, 'utf8') : null;
    } catch {
      return null;
    }
  };
}

function isBelow(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
