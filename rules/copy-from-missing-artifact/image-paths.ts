import { isUnder, type Stage, type StageBase } from '@dockerfile-opt/core';

/**
 * Directories that base images commonly ship (system trees and the toolchain homes of official
 * images). A stage that creates one of them with WORKDIR or `mkdir -p` is not evidence that the
 * files below it are the stage's own.
 */
const BASE_IMAGE_DIRS = new Set([
  '/', '/bin', '/sbin', '/lib', '/lib64', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/share',
  '/usr/include', '/usr/src', '/usr/local', '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/share',
  '/usr/local/include', '/usr/local/go', '/usr/local/cargo', '/usr/local/cargo/bin', '/usr/local/rustup', '/etc', '/var',
  '/var/lib', '/var/cache', '/var/log', '/var/www', '/var/www/html', '/opt', '/tmp', '/root', '/home', '/srv', '/run',
  '/go', '/go/bin', '/go/src', '/go/pkg', '/root/go', '/root/.cargo', '/root/.m2', '/root/.cache',
]);

export function isBaseImageDir(dir: string): boolean {
  return BASE_IMAGE_DIRS.has(dir);
}

/**
 * System trees an image may ship even when it is minimal: a path below them may come from the
 * base. Paths elsewhere (`/app/x`, `/web/server`, `/opt/tool`) are application paths.
 */
const SYSTEM_TREES = ['/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/var', '/run', '/proc', '/sys', '/dev'];

export function isSystemPath(path: string): boolean {
  return SYSTEM_TREES.some((tree) => isUnder(path, tree));
}

/** The base at the bottom of a chain of stages (`FROM build AS test` → build's base, …). */
export function rootBase(stage: Stage): Exclude<StageBase, { kind: 'stage' }> {
  // A stage can only build on an earlier stage, so the walk ends.
  let base = stage.base;
  while (base.kind === 'stage') base = base.stage.base;
  return base;
}
