/** Whether `pattern` has glob syntax (`*`, `?`, `[...]`, `{a,b}`). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * Compile a glob over `/`-separated relative paths: `*` and `?` within one segment, `**` for any
 * number of segments, `[...]` classes and `{a,b}` alternatives. Case-insensitive, like the
 * matching of Dockerfile names and config overrides.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole segments; a trailing `**` matches everything below.
          out += i + 2 === glob.length ? '.*' : '(?:[^/]*/)*';
          i += 3;
          continue;
        }
      }
      out += '[^/]*';
      while (glob[i] === '*') i++;
      continue;
    }
    if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\{}]/g, '\\$&');
    i++;
  }
  return new RegExp(`^${out}$`, 'i');
}

/** Split a glob into its literal leading directory and the pattern below it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  return { base: segments.slice(0, firstMagic).join('/'), rest: segments.slice(firstMagic).join('/') };
}
