import { posix } from 'node:path';

/** Resolve `p` against the directory `cwd` in the image (POSIX, normalised, no trailing slash). */
export function resolveImagePath(cwd: string, p: string): string {
  const resolved = posix.resolve(cwd || '/', p);
  return resolved.length > 1 && resolved.endsWith('/') ? resolved.slice(0, -1) : resolved;
}

/** True when `path` equals `dir` or lies below it. */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(`${dir}/`);
}

export function basename(p: string): string {
  return posix.basename(p);
}

export function hasGlob(p: string): boolean {
  return /[*?[]/.test(p);
}

/** A glob over image paths (`*`, `?`, `[...]`, `**`) as a regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
