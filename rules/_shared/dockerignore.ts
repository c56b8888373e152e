/** `.dockerignore` patterns, matched as Docker's build context loader does (moby patternmatcher rules). */
export interface IgnorePattern {
  pattern: string;
  exclusion: boolean;
  regexp: RegExp;
}

/** Clean a path or pattern: no leading `/` or `./`, no trailing `/`, `.`/`..` segments resolved. */
export function cleanContextPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function patternToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` matches any number of directories, zero included; a final `**` matches everything.
      if (pattern[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i++;
      }
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^\^/, '^').replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#')) continue;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    pattern = cleanContextPath(pattern);
    if (pattern === '') continue;
    patterns.push({ pattern, exclusion, regexp: patternToRegExp(pattern) });
  }
  return patterns;
}

/**
 * Whether the context path is left out of the build context: the last pattern matching the path
 * or one of its parent directories decides, and `!` patterns bring paths back.
 */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const clean = cleanContextPath(path);
  if (clean === '') return false;
  const parts = clean.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const p of patterns) {
    if (candidates.some((c) => p.regexp.test(c))) ignored = !p.exclusion;
  }
  return ignored;
}
