/** What a COPY or ADD from the build context puts in the image, per source. */
import { basename, hasGlob, resolveImagePath, type CopyInfo, type CopySource, type DockerfileModel, type InstructionNode } from '@dockerfile-opt/core';
import { ECOSYSTEMS } from '../knowledge/ecosystems.js';
import type { ContextReader, CopiedPath } from './reads.js';

export interface ContextCopy {
  node: InstructionNode;
  info: CopyInfo;
  /** The destination, resolved against the WORKDIR. */
  destPath: string;
  sources: Array<{ source: CopySource; path: CopiedPath }>;
}

/** File names without an extension that are files, not directories. */
const EXTENSIONLESS_FILES = new Set([
  ...ECOSYSTEMS.flatMap((e) => e.manifests).filter((m) => !/[*?[/]/.test(m)),
  'Dockerfile', 'Makefile', 'Procfile', 'Jenkinsfile', 'LICENSE', 'VERSION', 'Rakefile', 'Brewfile', 'Justfile',
]);

/** Dot-names that are directories: the ecosystems' manifest directories and common tool folders. */
const DOT_DIRECTORIES = new Set([
  ...ECOSYSTEMS.flatMap((e) => e.manifests).filter((m) => m.endsWith('/**')).map((m) => m.slice(0, -3)),
  '.git', '.github', '.vscode', '.idea', '.config', '.next', '.nuxt', '.svelte-kit', '.husky', '.devcontainer',
]);

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;
const REMOTE = /^(https?|git):\/\/|^git@/;

/** A COPY or ADD whose sources all come from the build context; null for anything else. */
export function contextCopy(model: DockerfileModel, node: InstructionNode, readContextFile: ContextReader): ContextCopy | null {
  if (node.type !== 'COPY' && node.type !== 'ADD') return null;
  if (node.flags.some((f) => f.name.toLowerCase() === 'from')) return null;
  const info = model.copyInfo(node);
  if (info.heredocSources > 0 || info.sources.length === 0 || info.destPath === null) return null;
  // Remote sources are not context files; a source with an ARG of unknown value could be anything.
  if (info.sources.some((s) => REMOTE.test(s.value) || s.value.includes('$'))) return null;
  const destPath = info.destPath;
  const intoDir = info.destIsDir || destIsExistingDir(model, node, info, destPath);
  const sources = info.sources.map((source) => ({ source, path: copiedPath(source, intoDir, destPath, node.type === 'ADD', readContextFile) }));
  return { node, info, destPath, sources };
}

/**
 * `COPY package.json /app` puts the file in /app when /app is a directory: the working directory,
 * or a name without an extension that is not the source's own name.
 */
function destIsExistingDir(model: DockerfileModel, node: InstructionNode, info: CopyInfo, dest: string): boolean {
  if (dest === model.stateAt(node).workdir) return true;
  const source = info.sources[0]?.value ?? '';
  const name = basename(dest);
  return info.sources.length === 1 && !name.includes('.') && name !== basename(source) && /.\.[^./]+$/.test(basename(source));
}

function copiedPath(source: CopySource, intoDir: boolean, dest: string, isAdd: boolean, readContextFile: ContextReader): CopiedPath {
  const value = source.value.replace(/^(\.\/)+/, '');
  // A directory's contents land in the destination itself.
  if (value === '' || value === '.' || value.endsWith('/')) return { kind: 'tree', path: dest };
  const name = basename(value);
  if (source.hasGlob) {
    if (hasGlob(value.slice(0, -name.length)) || !intoDir) return { kind: 'tree', path: dest };
    return { kind: 'glob', dir: dest, pattern: name };
  }
  if (isAdd && ARCHIVE.test(name)) return { kind: 'tree', path: dest };
  const isFile = readContextFile?.(value) != null || (!DOT_DIRECTORIES.has(name) && (/^\.[^.]|.\.[^./]+$/.test(name) || EXTENSIONLESS_FILES.has(name)));
  if (!isFile) return { kind: 'tree', path: dest };
  return { kind: 'file', path: intoDir ? resolveImagePath(dest, name) : dest };
}

/** Whether a Go source the stage copies by name embeds files (`//go:embed`); false when unreadable. */
export function copiesGoEmbeds(copies: readonly ContextCopy[], readContextFile: ContextReader): boolean {
  if (!readContextFile) return false;
  return copies.some((c) =>
    c.sources.some(({ source }) => source.value.endsWith('.go') && !source.hasGlob && /\/\/go:embed\s/.test(readContextFile(source.value.replace(/^(\.\/)+/, '')) ?? '')),
  );
}
