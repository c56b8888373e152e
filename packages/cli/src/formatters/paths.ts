import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The path a report shows for a result: relative to `cwd` with `/` separators when the file is
 * below it (CI systems and code hosts match report paths against the repository), otherwise as
 * given (an absolute path, or `<stdin>` / `<text>`).
 */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return filePath;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** A URI reference for a result's file: relative (percent-encoded) below `cwd`, else a file URL. */
export function fileUri(filePath: string, cwd: string): { uri: string; relative: boolean } {
  const shown = displayPath(filePath, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href, relative: false };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), relative: true };
}
