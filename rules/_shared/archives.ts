/** File name endings of the archives `ADD` unpacks (tar, optionally compressed) and of other packed files. */
const ARCHIVE_ENDINGS = [
  '.tar',
  '.tar.gz',
  '.tgz',
  '.tar.bz2',
  '.tbz',
  '.tbz2',
  '.tb2',
  '.tar.xz',
  '.txz',
  '.tar.lz',
  '.tlz',
  '.tar.lzma',
  '.tar.z',
  '.taz',
  '.tar.zst',
  '.tzst',
  '.gz',
  '.bz2',
  '.xz',
  '.lz',
  '.lzma',
  '.z',
  '.zst',
  '.zip',
  '.7z',
  '.rar',
  '.deb',
  '.rpm',
];

/** The path names an archive or compressed file (by its ending, as hadolint does). */
export function isArchivePath(path: string): boolean {
  const lower = unquote(path).toLowerCase();
  return ARCHIVE_ENDINGS.some((ending) => lower.endsWith(ending));
}

/** The source is fetched from the network (`http(s)://`, a git URL), not read from the build context. */
export function isRemoteSource(path: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(unquote(path)) || /^git@/i.test(unquote(path));
}

function unquote(text: string): string {
  return text.replace(/^["']|["']$/g, '');
}

/** The last path component (after `/` or `\`). */
export function baseName(path: string): string {
  const clean = unquote(path).replace(/[/\\]+$/, '');
  return clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
}
