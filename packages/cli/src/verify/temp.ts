import { rm } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Remove `path` only when it is a non-empty path strictly inside `parent` (this runs as root next
 * to chroots and mounts: an empty or stray path must never reach `rm`). Throws otherwise.
 */
export async function removeInside(parent: string, path: string): Promise<void> {
  if (parent === '' || path === '') throw new Error('refusing to remove: empty path');
  const inside = relative(resolve(parent), resolve(path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`refusing to remove ${path}: not inside ${parent}`);
  await rm(resolve(path), { recursive: true, force: true });
}
