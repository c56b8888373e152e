import { posix } from 'node:path';
import { hasGlob, type DockerfileModel, type InstructionNode, type Stage } from '@dockerfile-opt/core';
import { invocations } from '../_shared/commands.js';
import { isInstall, packageManagerCalls } from '../_shared/package-managers.js';
import { ECOSYSTEMS, matchBuildCommand, matchesAnyGlob } from '../knowledge/ecosystems.js';
import type { Ecosystem } from '../knowledge/runtime-images.js';
import type { BuildStep } from './builds.js';

/** Where an instruction of the original final stage goes in the rewrite. */
export interface Route {
  node: InstructionNode;
  builder: boolean;
  runtime: boolean;
}

export type Routing = { routes: Route[] } | { missing: string };

/** Packages that only serve the build (compilers, fetchers, headers). */
const BUILD_PACKAGES = new Set([
  'git', 'gcc', 'g++', 'make', 'cmake', 'build-essential', 'build-base', 'musl-dev', 'libc-dev', 'libc6-dev', 'linux-headers', 'pkgconf', 'pkg-config',
  'binutils', 'upx', 'protobuf', 'protobuf-compiler', 'protoc', 'unzip', 'zip', 'curl', 'wget', 'ca-certificates', 'python3', 'autoconf',
  'automake', 'libtool', 'openssh-client', 'git-lfs', 'bash', 'gnupg', 'xz-utils', 'clang', 'llvm', 'lld', 'mingw-w64', 'nasm',
]);
const SYSTEM_PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
const USER_CREATION = new Set(['useradd', 'adduser', 'groupadd', 'addgroup']);
/** Commands a RUN after the build may hold and still belong to the builder. */
const POST_BUILD_COMMANDS = new Set(['chmod', 'chown', 'strip', 'upx', 'cp', 'mv', 'rm', 'ls', 'echo', 'true', 'test', '[', 'cd', 'set', 'export', 'find', 'du']);
/** Directories that hold run-time files (pages, templates, configuration), not sources. */
const ASSET_DIRS = new Set(['static', 'templates', 'template', 'public', 'assets', 'www', 'html', 'views', 'config', 'conf', 'web']);
/** Directories that hold code or build configuration. */
const SOURCE_DIRS = new Set(['src', 'cmd', 'internal', 'pkg', 'vendor', 'test', 'tests', 'proto', 'gradle', '.mvn', 'buildSrc', 'benches', 'examples']);
const PYTHON_MANIFESTS = ['requirements*.txt', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'setup.py', 'setup.cfg', 'Pipfile', 'Pipfile.lock'];

export interface RoutingInput {
  model: DockerfileModel;
  stage: Stage;
  ecosystem: Ecosystem;
  steps: readonly BuildStep[];
  keepSources: boolean;
  /** The artifact loads native libraries (cgo, Rust, native Node and Python modules): headers hint at run-time libraries. */
  linksLibraries: boolean;
  readContextFile: ((path: string) => string | null) | undefined;
}

/** Send each instruction of the final stage to the builder, the runtime stage, or both. */
export function routeInstructions(input: RoutingInput): Routing {
  const { model, stage, steps } = input;
  const lastBuild = Math.max(...steps.map((s) => s.run.index));
  // Every RUN goes to the builder, so whatever comes before the last one may be read by it.
  const lastRun = Math.max(...stage.instructions.filter((n) => n.type === 'RUN').map((n) => n.index));
  const embeds = input.ecosystem === 'go' && goEmbeds(input);
  const routes: Route[] = [];
  for (const node of stage.instructions) {
    const beforeLastRun = node.index <= lastRun;
    const route = (builder: boolean, runtime: boolean): void => void routes.push({ node, builder, runtime });
    switch (node.type) {
      case 'RUN': {
        const blocker = runBlocker(model, node, node.index <= lastBuild, input.linksLibraries);
        if (blocker) return { missing: blocker };
        route(true, false);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const from = model.copyInfo(node).from;
        if (from) {
          // Tools copied from an image serve the build; files from a stage are the app's when its code is interpreted.
          route(beforeLastRun, !beforeLastRun || (input.keepSources && from.target !== null));
          break;
        }
        const kind = copyKind(input, node, embeds);
        if (kind === 'asset') route(false, true);
        // What may serve both the build and the app goes to both: a bigger image beats a missing file.
        else if (kind === 'unknown' || (kind === 'source' && input.keepSources)) route(beforeLastRun, true);
        else route(beforeLastRun, !beforeLastRun);
        break;
      }
      case 'WORKDIR':
        route(beforeLastRun, !laterAbsoluteWorkdir(model, stage, node));
        break;
      case 'SHELL':
        route(true, true);
        break;
      case 'ENV':
      case 'USER':
        // Before the build they shape it; the running container needs them too.
        route(beforeLastRun, true);
        break;
      case 'ARG':
        route(true, false);
        break;
      default:
        route(false, true);
    }
  }
  markNeededArgs(routes);
  return { routes };
}

/** The runtime stage copies everything last: a WORKDIR that a later absolute one replaces serves nothing there. */
function laterAbsoluteWorkdir(model: DockerfileModel, stage: Stage, node: InstructionNode): boolean {
  return stage.instructions.some((n) => n.type === 'WORKDIR' && n.index > node.index && (model.workdirTarget(n) ?? '').startsWith('/'));
}

/** An ARG goes to the runtime stage too when a runtime instruction uses it. */
function markNeededArgs(routes: Route[]): void {
  const runtimeText = routes.filter((r) => r.runtime).map((r) => r.node.argsText).join('\n');
  for (const route of routes) {
    const node = route.node;
    if (node.type !== 'ARG') continue;
    const names = node.properties.map((p) => p.name.value);
    if (names.some((n) => new RegExp(`\\$(\\{${n}\\b|${n}\\b)`).test(runtimeText))) route.runtime = true;
  }
}

/** Why a RUN cannot simply move to the builder: it prepares the image the app runs in. */
function runBlocker(model: DockerfileModel, run: InstructionNode, beforeBuild: boolean, linksLibraries: boolean): string | null {
  const quoted = `the RUN on line ${run.loc.start.line}`;
  for (const invocation of invocations(model, run)) {
    if (USER_CREATION.has(invocation.program)) return `how to create the user of ${quoted} in the runtime image`;
  }
  for (const call of packageManagerCalls(model, run)) {
    if (!SYSTEM_PACKAGE_MANAGERS.has(call.manager) || !isInstall(call)) continue;
    const packages = call.operands.map((w) => w.value.replace(/[=<>].*$/, ''));
    const headers = packages.filter((p) => /-(dev|devel|headers)$/.test(p) && !BUILD_PACKAGES.has(p));
    if (linksLibraries && headers.length > 0) return `which run-time libraries the artifact built against ${headers.join(', ')} needs (installed by ${quoted})`;
    const runtimePackages = packages.filter((p) => !BUILD_PACKAGES.has(p) && !headers.includes(p));
    if (runtimePackages.length > 0) return `whether the run-time image needs ${runtimePackages.join(', ')} (installed by ${quoted})`;
  }
  if (beforeBuild || run.execForm) return run.execForm ? `what ${quoted} does` : null;
  for (const script of model.shell(run)) {
    for (const command of script.commands) {
      const program = posix.basename(command.name?.value ?? '');
      if (command.name && !POST_BUILD_COMMANDS.has(program) && !matchBuildCommand(command)) {
        return `whether ${quoted}, after the build, prepares the runtime image`;
      }
    }
  }
  return null;
}

type CopyKind = 'asset' | 'manifest' | 'source' | 'unknown';

/**
 * What a COPY from the context brings: run-time files only (pages, templates), manifests only,
 * build inputs, or files that may be either (a directory of unknown purpose, a heredoc).
 */
function copyKind(input: RoutingInput, node: InstructionNode, embeds: boolean): CopyKind {
  const info = input.model.copyInfo(node);
  if (info.heredocSources > 0) return 'unknown';
  const sources = info.sources.map((s) => s.value.replace(/^\.\//, '').replace(/\/$/, ''));
  if (input.ecosystem === 'python') return sources.length > 0 && sources.every((s) => matchesAnyGlob(s, PYTHON_MANIFESTS)) ? 'manifest' : 'source';
  const ecosystems = ECOSYSTEMS.filter((e) => e.language === input.ecosystem);
  // null: the build may read any file (bundlers read pages and images).
  const reads = ecosystems.some((e) => e.buildReads === null) ? null : ecosystems.flatMap((e) => e.buildReads ?? []);
  const manifests = ecosystems.flatMap((e) => e.manifests);
  const kinds = new Set(sources.map((source) => sourceKind(source, reads, manifests, embeds)));
  if (kinds.size === 1) return [...kinds][0] as CopyKind;
  return kinds.size === 0 ? 'source' : 'unknown';
}

function sourceKind(source: string, reads: readonly string[] | null, manifests: readonly string[], embeds: boolean): 'asset' | 'source' | 'unknown' {
  if (source === '' || source === '.' || hasGlob(source) || matchesAnyGlob(source, manifests)) return 'source';
  const name = posix.basename(source);
  const runtimeFile = name.includes('.') ? reads !== null && !matchesAnyGlob(source, reads) : ASSET_DIRS.has(name);
  if (runtimeFile) return embeds ? 'source' : reads === null ? 'unknown' : 'asset';
  if (!name.includes('.')) return SOURCE_DIRS.has(name) ? 'source' : 'unknown';
  return reads === null ? 'unknown' : 'source';
}

/** A Go source the build context holds uses `//go:embed`: the pages are compiled in. */
function goEmbeds(input: RoutingInput): boolean {
  for (const node of input.stage.instructions) {
    if (node.type !== 'COPY' && node.type !== 'ADD') continue;
    for (const source of input.model.copyInfo(node).sources) {
      if (source.value.endsWith('.go') && /^\/\/go:embed /m.test(input.readContextFile?.(source.value) ?? '')) return true;
    }
  }
  return false;
}
