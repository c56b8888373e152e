import type { DockerfileNode, InstructionNode } from '../parse/ast.js';
import { parseShell, shellSourceOf, type ShellScript } from '../parse/shell.js';
import type { DockerfileModel } from './model.js';
import type { CopyInfo, FileWrite } from './types.js';
import { basename, hasGlob, resolveImagePath } from './paths.js';

/** The shell scripts a RUN executes: its shell-form command line and, for `RUN <<EOF`, the heredoc bodies. */
export function parseRunScripts(root: DockerfileNode, node: InstructionNode): ShellScript[] {
  return runScriptSources(root, node).map((source) => parseShell(source.text, source.offset));
}

/** The texts `parseRunScripts` parses as shell, with where they start in the Dockerfile. */
export function runScriptSources(root: DockerfileNode, node: InstructionNode): Array<{ text: string; offset: number }> {
  if (node.type !== 'RUN' || node.execForm) return [];
  const text = root.text;
  const escape = root.escapeChar;
  const sources: Array<{ text: string; offset: number }> = [];
  const heredocScript = node.heredocs.length > 0 && isHeredocScript(node);
  if (node.bodyRange && !heredocScript) {
    // With heredocs the command line and the bodies are parsed together: the bodies are data.
    const end = node.heredocs.length > 0 ? node.range[1] : node.bodyRange[1];
    sources.push({ text: shellSourceOf(text.slice(node.bodyRange[0], end), escape), offset: node.bodyRange[0] });
  }
  if (heredocScript) {
    for (const h of node.heredocs) {
      if (h.contentRange && !/^#!(?!.*\b(sh|bash|ash|dash|zsh)\b)/.test(h.content ?? '')) {
        sources.push({ text: text.slice(h.contentRange[0], h.contentRange[1]), offset: h.contentRange[0] });
      }
    }
  }
  return sources;
}

/** `RUN <<EOF` (and `RUN bash <<EOF`) run the heredoc body as the script; other heredocs are data. */
function isHeredocScript(node: InstructionNode): boolean {
  const words = node.args.filter((a) => !a.value.startsWith('<<')).map((a) => a.value);
  if (words.length === 0) return true;
  return /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/.test(words[0] ?? '') && words.slice(1).every((w) => w.startsWith('-'));
}

/** Sources and destination of a COPY/ADD. */
export function buildCopyInfo(model: DockerfileModel, node: InstructionNode): CopyInfo {
  const flag = node.flags.find((f) => f.name.toLowerCase() === 'from');
  const from = flag ? (model.refs.find((r) => r.node === node && r.kind === 'copy') ?? null) : null;
  let words = node.args;
  if (node.execForm) words = [];
  const heredocSources = node.heredocs.length;
  const argTokens = words.filter((a) => !a.value.startsWith('<<'));
  const dest = argTokens.at(-1) ?? null;
  const sourceTokens = node.execForm ? [] : argTokens.slice(0, -1);
  const sources = sourceTokens.map((token) => {
    const value = model.expand(token.value, node).value ?? token.value;
    return { value, token, hasGlob: hasGlob(value) };
  });
  let destPath: string | null = null;
  let destIsDir = false;
  if (dest) {
    const expanded = model.expand(dest.value, node).value;
    if (expanded !== null) {
      destPath = resolveImagePath(model.stateAt(node).workdir, expanded);
      destIsDir = expanded.endsWith('/') || expanded === '.' || sources.length + heredocSources > 1;
    }
  }
  if (node.execForm && node.execForm.length >= 2) {
    const expanded = model.expand(node.execForm.at(-1) as string, node).value;
    if (expanded !== null) destPath = resolveImagePath(model.stateAt(node).workdir, expanded);
  }
  return { node, from, sources, heredocSources, dest, destPath, destIsDir };
}

/** The paths one instruction writes. */
export function instructionWrites(model: DockerfileModel, node: InstructionNode): FileWrite[] {
  const state = model.stateAt(node);
  switch (node.type) {
    case 'WORKDIR': {
      const target = model.workdirTarget(node);
      if (target === null) return [];
      const anchored = state.workdirKnown || target.startsWith('/');
      return [{ path: resolveImagePath(state.workdir, target), kind: 'dir', node, how: 'workdir', from: null, anchored }];
    }
    case 'COPY':
    case 'ADD': {
      const info = model.copyInfo(node);
      if (info.destPath === null) return [];
      const how = node.type === 'COPY' ? 'copy' : 'add';
      const destText = node.execForm ? (node.execForm.at(-1) ?? '') : (info.dest?.value ?? '');
      const anchored = state.workdirKnown || model.expand(destText, node).value?.startsWith('/') === true;
      const out: FileWrite[] = [];
      if (!info.destIsDir) {
        out.push({ path: info.destPath, kind: 'file', node, how, from: info.from, anchored });
        return out;
      }
      for (const s of info.sources) {
        if (!s.hasGlob && s.value !== '.' && !s.value.endsWith('/')) {
          const name = basename(s.value.replace(/^https?:\/\/.*\//, ''));
          out.push({ path: resolveImagePath(info.destPath, name), kind: 'file', node, how, from: info.from, anchored });
        }
      }
      // A directory source copies its contents into the destination: something below it, not known what.
      if (info.heredocSources > 0 || info.sources.some((s) => mayBeDirectory(s.value, how))) {
        out.push({ path: info.destPath, kind: 'tree', node, how, from: info.from, anchored });
      }
      return out;
    }
    case 'RUN':
      return model.runEffects(node).writes.map((w) => ({
        path: w.path,
        kind: w.kind,
        node,
        how: 'run' as const,
        from: null,
        anchored: state.workdirKnown || !w.relative,
      }));
    default:
      return [];
  }
}

/**
 * Whether a COPY/ADD source may be a directory (or an archive ADD extracts): `.`, a trailing `/`,
 * a glob, or a name without a file extension (`src`, `bin`, `conf.d`); `index.html` is a file.
 */
function mayBeDirectory(source: string, how: 'copy' | 'add'): boolean {
  if (/^https?:\/\//.test(source)) return false;
  if (how === 'add' && /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i.test(source)) return true;
  if (source === '.' || source.endsWith('/') || hasGlob(source)) return true;
  return !/.\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(basename(source)) || /\.d$/.test(source);
}
