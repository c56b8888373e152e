/**
 * What a RUN reads from the files earlier instructions put in the image, as far as the model can
 * tell: dependency installs read their manifests, builds read their sources (the ecosystem table
 * says which), simple commands read the paths they name, and anything else may read everything.
 */
import { basename, globToRegExp, hasGlob, isUnder, resolveImagePath, type DockerfileModel, type InstructionNode, type ShellCommand } from '@dockerfile-opt/core';
import { matchBuildCommand, matchesAnyGlob, type BuildCommandMatch } from '../knowledge/ecosystems.js';

/** What one COPY source puts in the image. */
export type CopiedPath =
  | { kind: 'file'; path: string }
  /** A directory's contents (or an archive ADD unpacks) land at `path`. */
  | { kind: 'tree'; path: string }
  /** The files matching `pattern` (a basename glob) land in `dir`. */
  | { kind: 'glob'; dir: string; pattern: string };

/** `all`: every copied file is an input; `some`: part of it is (a tree holding the manifests); `none`. */
export type ReadStatus = 'all' | 'some' | 'none';

/** An install (or a housekeeping step) reads the manifests in the directory it runs in. */
interface ManifestStep<Kind extends 'install' | 'housekeeping'> {
  kind: Kind;
  match: BuildCommandMatch;
  cwd: string;
  manifests: string[];
}

export type ReadStep =
  | ManifestStep<'install'>
  | ManifestStep<'housekeeping'>
  | { kind: 'build'; match: BuildCommandMatch; cwd: string; reads: readonly string[] | null }
  /** A simple command: reads (or changes) only the absolute paths it names. */
  | { kind: 'paths'; paths: string[] };

export interface RunReads {
  steps: ReadStep[];
  /** The RUN may read any file: an unknown command, a word known only at build time, exec form,
   * or a bind mount of the build context (its inputs come from the mount). */
  opaque: boolean;
}

/** Commands that read (or change) only the paths among their words. */
const PATH_COMMANDS = new Set([
  'mkdir', 'chmod', 'chown', 'chgrp', 'rm', 'rmdir', 'touch', 'ln', 'cp', 'mv', 'cat', 'ls', 'test', '[', 'stat',
  'install', 'sha256sum', 'md5sum', 'head', 'tail', 'wc', 'tar', 'unzip', 'curl', 'wget', 'upx', 'strip', 'setcap',
]);

/** Commands whose words are names or text, not paths: they read no file a COPY brings in. */
const NAME_COMMANDS = new Set([
  'echo', 'printf', 'true', 'false', 'set', 'export', 'unset', 'exit', 'sleep', 'id', 'whoami', 'useradd', 'groupadd',
  'adduser', 'addgroup', 'usermod', 'groupmod', 'ldconfig', 'update-ca-certificates', 'locale-gen', 'nproc', 'uname',
  'date', 'dpkg-reconfigure',
]);

/** System package managers: they read their own configuration, and package files they are given by path. */
const SYSTEM_PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'dpkg', 'rpm']);
const PACKAGE_FILE = /\/|\.(deb|rpm|apk)$/;

/** Read a file of the build context, when the host allows it. */
export type ContextReader = ((relativePath: string) => string | null) | undefined;

export interface ReadOptions {
  readContextFile: ContextReader;
  /** A Go source of the stage embeds files (`//go:embed`): Go builds may then read any file. */
  goEmbeds: boolean;
}

export function runReads(model: DockerfileModel, run: InstructionNode, options: ReadOptions): RunReads {
  const opaque: RunReads = { steps: [], opaque: true };
  if (run.execForm || bindsContext(run)) return opaque;
  const scripts = model.shell(run);
  const steps: ReadStep[] = [];
  for (const script of scripts) {
    if (script.hasError) return opaque;
    let cwd = model.stateAt(run).workdir;
    for (const command of script.commands) {
      const redirects = command.redirects.map((r) => r.target);
      if (redirects.some((t) => t && !t.isStatic)) return opaque;
      const redirectPaths = redirects.flatMap((t) => (t && !t.value.startsWith('/dev/') ? [resolveImagePath(cwd, t.value)] : []));
      if (redirectPaths.length > 0) steps.push({ kind: 'paths', paths: redirectPaths });
      if (!command.name) continue;
      if (!command.name.isStatic) return opaque;
      const name = basename(command.name.value);
      if (name === 'cd') {
        const target = command.args[0];
        if (target && !target.isStatic) return opaque;
        if (!command.inSubshell) cwd = resolveImagePath(cwd, target?.value ?? '/root');
        continue;
      }
      const step = commandStep(command, name, cwd, options);
      if (!step) return opaque;
      steps.push(step);
    }
  }
  return { steps, opaque: false };
}

/** A `--mount=type=bind` from the build context (no `from=`, or `from=context`). */
function bindsContext(run: InstructionNode): boolean {
  return run.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount') return false;
    const type = flag.options.find((o) => o.name === 'type')?.value ?? 'bind';
    const from = flag.options.find((o) => o.name === 'from')?.value;
    return type === 'bind' && (from === undefined || from === 'context');
  });
}

function commandStep(command: ShellCommand, name: string, cwd: string, { readContextFile, goEmbeds }: ReadOptions): ReadStep | null {
  const match = matchBuildCommand(command);
  if (match?.kind === 'build') return { kind: 'build', match, cwd, reads: goEmbeds && match.ecosystem.id === 'go' ? null : match.ecosystem.buildReads };
  if (match) {
    const manifests = [...match.ecosystem.manifests, ...match.manifestPaths, ...namedManifests(match)];
    const nested = match.manifestPaths.map((p) => requirementsInputs(readContextFile, p));
    if (nested.some((n) => n === 'sources')) return { kind: 'build', match, cwd, reads: null };
    for (const n of nested) if (n !== 'sources') manifests.push(...n);
    return match.kind === 'install' ? { kind: 'install', match, cwd, manifests } : { kind: 'housekeeping', match, cwd, manifests };
  }
  if (NAME_COMMANDS.has(name)) return { kind: 'paths', paths: [] };
  const isPackageManager = SYSTEM_PACKAGE_MANAGERS.has(name);
  if (!PATH_COMMANDS.has(name) && !isPackageManager) return null;
  if (command.args.some((a) => !a.isStatic)) return null;
  const words = command.args.map((a) => a.value).filter((w) => !w.startsWith('-') && !w.includes('://') && (!isPackageManager || PACKAGE_FILE.test(w)));
  const paths = words.map((w) => resolveImagePath(cwd, w));
  if (isPackageManager) paths.push('/etc');
  return { kind: 'paths', paths };
}

/** Operands that name a manifest (`dotnet restore App.csproj`). */
function namedManifests(match: BuildCommandMatch): string[] {
  return match.operands.map((w) => w.value).filter((v) => matchesAnyGlob(v, match.ecosystem.manifests));
}

/**
 * What a requirements file pulls in besides itself: the files it includes (`-r`, `-c`), or
 * `sources` when it installs a local project (`-e .`, `./pkg`, `file:`). Unknown when the context
 * cannot be read: then it is taken to be a plain list of packages.
 */
function requirementsInputs(readContextFile: ContextReader, path: string): string[] | 'sources' {
  const text = readContextFile?.(path.replace(/^\.\//, '')) ?? null;
  if (text === null) return [];
  const included: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (/^(-e|--editable)\b|^[./]|file:/.test(line)) return 'sources';
    const include = /^(?:-r|--requirement|-c|--constraint)[=\s]\s*(\S+)/.exec(line);
    if (include) included.push(resolveImagePath(`/${dirnameOf(path)}`, include[1] as string).slice(1));
  }
  return included;
}

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === 0) return '/';
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Where tool configuration, credentials and certificates live: build tools may read them. */
const SYSTEM_DIRS = ['/etc', '/root', '/home', '/usr', '/opt', '/var', '/lib', '/run'];

/** How much of `copied` one step reads. */
export function stepStatus(step: ReadStep, copied: CopiedPath): ReadStatus {
  if (step.kind === 'paths') return step.paths.some((p) => overlaps(copied, p)) ? 'all' : 'none';
  const at = copied.kind === 'glob' ? copied.dir : copied.path;
  if (!isUnder(at, step.cwd) && !isUnder(step.cwd, at) && SYSTEM_DIRS.some((dir) => isUnder(at, dir))) return 'all';
  switch (step.kind) {
    case 'build':
      if (step.reads === null) return 'all';
      if (copied.kind === 'tree') return 'all';
      if (copied.kind === 'glob') return globMayMatch(copied.pattern, step.reads) ? 'all' : 'none';
      return fileIsRead(copied.path, step.cwd, step.reads) ? 'all' : 'none';
    default:
      return manifestStatus(copied, step.cwd, step.manifests);
  }
}

/** How much of `copied` a whole RUN reads. */
export function runStatus(reads: RunReads, copied: CopiedPath): ReadStatus {
  if (reads.opaque) return 'all';
  let status: ReadStatus = 'none';
  for (const step of reads.steps) {
    const s = stepStatus(step, copied);
    if (s === 'all') return 'all';
    if (s === 'some') status = 'some';
  }
  return status;
}

/** Installs and builds make a step worth keeping cached. */
export function expensiveSteps(reads: RunReads): Array<Extract<ReadStep, { kind: 'install' | 'build' }>> {
  return reads.steps.filter((s): s is Extract<ReadStep, { kind: 'install' | 'build' }> => s.kind === 'install' || s.kind === 'build');
}

/**
 * How much of a copy an install reads. Manifests count by name wherever they land (workspace roots
 * above the install, project references beside it) or by the path the install names. A tree
 * holding the install's directory brings in the manifests and more; a subdirectory, or a file in
 * one, may hold local packages the install reads (workspaces, Go `replace` targets), so it counts
 * as read.
 */
function manifestStatus(copied: CopiedPath, cwd: string, manifests: readonly string[]): ReadStatus {
  const named = manifests.filter((m) => !hasGlob(m)).map((m) => resolveImagePath(cwd, m));
  const names = manifests.map((m) => m.split('/').at(-1) as string).filter((n) => n !== '**');
  if (copied.kind === 'file') {
    // A file put in a subdirectory before the install is there for it (a schema an install script
    // generates code from, a workspace package's manifest).
    const inSubdirectory = isUnder(copied.path, cwd) && dirnameOf(copied.path) !== cwd;
    return inSubdirectory || named.includes(copied.path) || names.some((n) => globToRegExp(n).test(basename(copied.path))) ? 'all' : 'none';
  }
  if (copied.kind === 'tree') {
    if (isUnder(cwd, copied.path) || named.some((m) => isUnder(m, copied.path))) return 'some';
    return isUnder(copied.path, cwd) ? 'all' : 'none';
  }
  if (globMayMatch(copied.pattern, names) || isUnder(copied.dir, cwd) && copied.dir !== cwd) return 'all';
  return named.some((m) => isUnder(m, copied.dir)) ? 'some' : 'none';
}

/** A build with a list of inputs reads a file whose path (or name) matches one of them. */
function fileIsRead(path: string, cwd: string, reads: readonly string[]): boolean {
  if (isUnder(path, cwd) && matchesAnyGlob(relativeTo(cwd, path), reads)) return true;
  // Builds also read files above their directory (the module root of a Go package): match names.
  return reads.some((g) => {
    const name = g.split('/').at(-1) as string;
    return name !== '**' && globToRegExp(name).test(basename(path));
  });
}

/** Whether a source glob may match one of `globs` (compares each with the other's literal form). */
function globMayMatch(pattern: string, globs: readonly string[]): boolean {
  const literal = (g: string): string => g.replace(/\*\*\/|[*?]|\[[^\]]*\]/g, '');
  const source = globToRegExp(pattern);
  return globs.some((g) => {
    const name = g.split('/').at(-1) as string;
    return source.test(literal(name)) || globToRegExp(name).test(literal(pattern));
  });
}

/** A path a simple command names: a file or a directory, the model cannot tell. */
function overlaps(copied: CopiedPath, path: string): boolean {
  return copiedOverlap(copied, { kind: 'file', path });
}

/** Whether two copies may write the same path (either order could then change the image). */
export function copiedOverlap(a: CopiedPath, b: CopiedPath): boolean {
  const anchorA = a.kind === 'glob' ? a.dir : a.path;
  const anchorB = b.kind === 'glob' ? b.dir : b.path;
  if (!isUnder(anchorA, anchorB) && !isUnder(anchorB, anchorA)) return false;
  if (a.kind === 'glob' && b.kind === 'file') return globMayWrite(a, b.path);
  if (b.kind === 'glob' && a.kind === 'file') return globMayWrite(b, a.path);
  return true;
}

/** A glob writes the files it matches into its directory, or a matched directory's contents when
 * the pattern could name a directory (not `*.json`). */
function globMayWrite(glob: Extract<CopiedPath, { kind: 'glob' }>, path: string): boolean {
  if (dirnameOf(path) === glob.dir) return globToRegExp(glob.pattern).test(basename(path));
  return !/\.[A-Za-z0-9]+$/.test(glob.pattern) && isUnder(path, glob.dir);
}

/** Whether `later` brings in (again) every path `copied` writes: a tree holding it, or the same file. */
export function covers(later: CopiedPath, copied: CopiedPath): boolean {
  const at = copied.kind === 'glob' ? copied.dir : copied.path;
  if (later.kind === 'tree') return isUnder(at, later.path);
  return later.kind === 'file' && copied.kind === 'file' && later.path === copied.path;
}

export function relativeTo(dir: string, path: string): string {
  if (path === dir) return '';
  return dir === '/' ? path.slice(1) : path.slice(dir.length + 1);
}
