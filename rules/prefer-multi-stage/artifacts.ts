import { posix } from 'node:path';
import { globToRegExp, hasGlob, isUnder, resolveImagePath, type ShellWord } from '@dockerfile-opt/core';
import { invocationOf } from '../_shared/commands.js';
import { hasOption, optionValue, type BuildStep } from './builds.js';
import { nodeArtifacts, pythonArtifacts } from './interpreted.js';
import { emptyPlan, UNKNOWN_WORKDIR, workdirUnknown, type ArtifactPlan, type Inferred, type InferenceInput } from './plan.js';

/** What the build produces and where the runtime stage gets it from. */
export function inferArtifacts(input: InferenceInput): Inferred {
  const inferred = inferByEcosystem(input);
  if ('plan' in inferred) addMovedParts(input, inferred.plan);
  return inferred;
}

function inferByEcosystem(input: InferenceInput): Inferred {
  const ecosystem = input.steps[0]?.ecosystem;
  switch (ecosystem) {
    case 'go':
      return goArtifacts(input);
    case 'java':
      return javaArtifacts(input);
    case 'rust':
      return rustArtifacts(input);
    case 'dotnet':
      return dotnetArtifacts(input);
    case 'node':
      return nodeArtifacts(input);
    case 'python':
      return pythonArtifacts(input);
    default:
      return { missing: 'a build step' };
  }
}

/** A file the build wrote: it lands at the same path, or in the runtime WORKDIR when it sits in a build output tree. */
function fileArtifact(plan: ArtifactPlan, input: InferenceInput, path: string, inOutputTree: boolean): void {
  const final = followCopies(input, path);
  if (final !== path || !inOutputTree) {
    plan.copies.push({ source: final, dest: final, destIsDir: false, sourceIsFile: true });
    return;
  }
  if (!input.runtimeWorkdirKnown) {
    plan.copies.push({ source: path, dest: path, destIsDir: false, sourceIsFile: true });
    return;
  }
  const dest = posix.join(input.runtimeWorkdir, posix.basename(path));
  plan.copies.push({ source: path, dest, destIsDir: false, sourceIsFile: true });
  plan.moves.push({ from: path, to: dest });
}

/** A `cp`/`mv`/`install` after the build: where a path went. */
interface Transfer {
  /** Absolute source path (may hold a glob). */
  from: string;
  /** Absolute destination. */
  to: string;
  /** The destination is a directory that receives the source. */
  into: boolean;
}

function laterTransfers(input: InferenceInput): Transfer[] {
  const start = input.steps[0]?.run.range[0] ?? 0;
  const transfers: Transfer[] = [];
  for (const run of input.stage.instructions) {
    if (run.type !== 'RUN' || run.range[0] < start) continue;
    const workdir = input.model.stateAt(run).workdir;
    for (const script of input.model.shell(run)) {
      for (const command of script.commands) {
        const invocation = invocationOf(command);
        if (!invocation || !['cp', 'mv', 'install'].includes(invocation.program)) continue;
        const operands = invocation.args.filter((w) => !w.value.startsWith('-'));
        if (operands.length !== 2 || operands.some((w) => !w.isStatic)) continue;
        const [from, to] = operands as [ShellWord, ShellWord];
        transfers.push({ from: resolveImagePath(workdir, from.value), to: resolveImagePath(workdir, to.value), into: to.value.endsWith('/') || to.value === '.' });
      }
    }
  }
  return transfers;
}

/** `cp`/`mv` of the artifact later in the stage: the CMD runs the copy. */
function followCopies(input: InferenceInput, path: string): string {
  let current = path;
  for (const transfer of laterTransfers(input)) {
    if (transfer.from !== current && !(hasGlob(transfer.from) && globToRegExp(transfer.from).test(current))) continue;
    current = transfer.into ? posix.join(transfer.to, posix.basename(current)) : transfer.to;
  }
  return current;
}

/** Parts of an output directory moved elsewhere after the build (`mv /out/workers /workers`) go along. */
function addMovedParts(input: InferenceInput, plan: ArtifactPlan): void {
  for (const transfer of laterTransfers(input)) {
    const dir = plan.copies.find((c) => !c.sourceIsFile && transfer.from !== c.source && isUnder(transfer.from, c.source));
    if (!dir || hasGlob(transfer.from)) continue;
    const dest = transfer.into ? posix.join(transfer.to, posix.basename(transfer.from)) : transfer.to;
    if (plan.copies.some((c) => isUnder(dest, c.source))) continue;
    plan.copies.push({ source: dest, dest, destIsDir: false, sourceIsFile: false });
  }
}

function goArtifacts(input: InferenceInput): Inferred {
  const plan = emptyPlan();
  for (const step of input.steps) {
    if (step.label === 'go install') return { missing: 'where `go install` puts the binary (build with `go build -o <path>`)' };
    const output = optionValue(step.words, ['-o']);
    if (!output?.startsWith('/') && workdirUnknown(input, step)) return UNKNOWN_WORKDIR;
    let path: string;
    if (output !== null) {
      if (output.endsWith('/')) return { missing: 'the binary name (`-o` names a directory)' };
      path = resolveImagePath(step.workdir, output);
    } else {
      const name = goBinaryName(step, input.readContextFile);
      if (!name) return { missing: 'the binary name of `go build` (add `-o <path>`, or let the rule read go.mod)' };
      path = posix.join(step.workdir, name);
    }
    fileArtifact(plan, input, path, false);
    plan.cgo ||= !cgoDisabled(input, step);
  }
  return { plan };
}

/** Options of `go build` that take the next word as their value. */
const GO_VALUE_OPTIONS = /^-(ldflags|gcflags|asmflags|tags|mod|modfile|p|pkgdir|buildmode|compiler|toolexec|overlay|pgo|installsuffix)$/;

/**
 * `go build` without `-o` names the binary after the first file, the package directory, or the
 * module; with several packages or a `...` pattern it writes nothing.
 */
function goBinaryName(step: BuildStep, readContextFile: InferenceInput['readContextFile']): string | null {
  const packages = step.words.filter((w, i) => !w.value.startsWith('-') && !GO_VALUE_OPTIONS.test(step.words[i - 1]?.value ?? '')).slice(1).map((w) => w.value);
  const first = packages[0];
  if (first?.endsWith('.go')) return posix.basename(first, '.go');
  if (packages.length > 1 || first?.includes('...')) return null;
  if (first && first !== '.' && first !== './') return posix.basename(first.replace(/\/$/, ''));
  const module = /^module\s+(\S+)/m.exec(readContextFile?.('go.mod') ?? '')?.[1];
  return module ? posix.basename(module) : null;
}

function cgoDisabled(input: InferenceInput, step: BuildStep): boolean {
  if (step.command.assignments.some((a) => a.name === 'CGO_ENABLED')) return step.command.assignments.some((a) => a.name === 'CGO_ENABLED' && a.value?.value === '0');
  const text = input.model.root.text;
  for (const script of input.model.shell(step.run)) {
    for (const command of script.commands) {
      if (command.range[0] >= step.command.range[0]) break;
      // `export CGO_ENABLED=0 && go build`: the shell model keeps the assignment, the text the `export`.
      const exported = command.assignments.find((a) => a.name === 'CGO_ENABLED' && /\bexport\s+$/.test(text.slice(Math.max(0, a.range[0] - 16), a.range[0])));
      if (exported) return exported.value?.value === '0';
    }
  }
  const state = input.model.stateAt(step.run);
  // An ARG is in the environment of the RUNs after it, like an ENV.
  return (state.env.get('CGO_ENABLED') ?? state.args.get('CGO_ENABLED')) === '0';
}

function javaArtifacts(input: InferenceInput): Inferred {
  const step = input.steps.find((s) => s.label !== 'javac');
  if (!step) return { missing: 'the output of `javac` (package it with Maven or Gradle)' };
  if (workdirUnknown(input, step)) return UNKNOWN_WORKDIR;
  if (!input.runtimeWorkdirKnown) return { missing: 'where the jar goes (a WORKDIR depends on a value the rule does not know)' };
  const isMaven = step.program.startsWith('mvn');
  const pomDir = optionValue(step.words, ['-f', '--file']);
  const projectDir = isMaven && pomDir ? resolveImagePath(step.workdir, posix.dirname(pomDir)) : step.workdir;
  const outputTrees = isMaven ? [`${projectDir}/target`] : [`${projectDir}/build/libs`, `${projectDir}/build/install`];
  const plan = emptyPlan();
  for (const word of input.entry) {
    if (!word.path) continue;
    const tree = outputTrees.find((t) => isUnder(word.path as string, t));
    if (tree?.endsWith('/build/install')) {
      const name = word.path.slice(tree.length + 1).split('/')[0] as string;
      const dest = posix.join(input.runtimeWorkdir, name);
      plan.copies.push({ source: `${tree}/${name}`, dest, destIsDir: false, sourceIsFile: false });
      plan.moves.push({ from: `${tree}/${name}`, to: dest });
      return { plan };
    }
    if (!/\.(jar|war)$/.test(word.path)) continue;
    if (tree && hasGlob(word.path)) {
      const named = isMaven ? pomJarName(input.readContextFile) : null;
      if (named) {
        const dest = posix.join(input.runtimeWorkdir, named);
        plan.copies.push({ source: `${tree}/${named}`, dest, destIsDir: false, sourceIsFile: true });
        plan.moves.push({ from: word.path, to: dest });
      } else {
        plan.copies.push({ source: word.path, dest: input.runtimeWorkdir, destIsDir: true, sourceIsFile: true });
        plan.moves.push({ from: tree, to: input.runtimeWorkdir });
      }
      return { plan };
    }
    fileArtifact(plan, input, word.path, tree !== undefined);
    return { plan };
  }
  return { missing: 'the jar that CMD/ENTRYPOINT runs (name it, e.g. `java -jar target/app.jar`)' };
}

/** `<finalName>` or `<artifactId>-<version>.<packaging>` of the project (not its parent). */
function pomJarName(readContextFile: InferenceInput['readContextFile']): string | null {
  const pom = readContextFile?.('pom.xml');
  if (!pom) return null;
  const own = pom.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<dependencies>[\s\S]*?<\/dependencies>/g, '').replace(/<plugins>[\s\S]*?<\/plugins>/g, '');
  const tag = (name: string): string | null => new RegExp(`<${name}>\\s*([^<\\s]+)\\s*</${name}>`).exec(own)?.[1] ?? null;
  const packaging = tag('packaging') ?? 'jar';
  if (packaging !== 'jar' && packaging !== 'war') return null;
  const finalName = tag('finalName');
  const artifactId = tag('artifactId');
  const version = tag('version');
  if (finalName && !finalName.includes('$')) return `${finalName}.${packaging}`;
  if (!artifactId || !version || `${artifactId}${version}`.includes('$')) return null;
  return `${artifactId}-${version}.${packaging}`;
}

function rustArtifacts(input: InferenceInput): Inferred {
  const plan = emptyPlan();
  for (const step of input.steps) {
    if (workdirUnknown(input, step) && step.label !== 'cargo install') return UNKNOWN_WORKDIR;
    if (hasOption(step.words, ['--target-dir', '--manifest-path'])) return { missing: 'the target directory of `cargo build`' };
    const name = optionValue(step.words, ['--bin']) ?? cargoPackageName(input.readContextFile);
    if (step.label === 'cargo install') {
      const bin = name ?? input.entry[0]?.value;
      if (!bin || bin.includes('/')) return { missing: 'the binary name of `cargo install` (let the rule read Cargo.toml)' };
      plan.copies.push({ source: `/usr/local/cargo/bin/${bin}`, dest: `/usr/local/bin/${bin}`, destIsDir: false, sourceIsFile: true });
      continue;
    }
    const profile = hasOption(step.words, ['--release', '-r']) ? 'release' : (optionValue(step.words, ['--profile']) ?? 'debug');
    const target = optionValue(step.words, ['--target']);
    const dir = posix.join(step.workdir, 'target', target ?? '', profile === 'dev' ? 'debug' : profile);
    const fromEntry = input.entry.find((w) => w.path && posix.dirname(w.path) === dir)?.path;
    const binary = fromEntry ?? (name ? `${dir}/${name}` : null);
    if (!binary) return { missing: 'the binary name (CMD does not run it from target/, and Cargo.toml is not readable)' };
    fileArtifact(plan, input, binary, true);
  }
  return { plan };
}

function cargoPackageName(readContextFile: InferenceInput['readContextFile']): string | null {
  const manifest = readContextFile?.('Cargo.toml');
  if (!manifest || /^\[workspace\]/m.test(manifest)) return null;
  const bin = /^\[\[bin\]\][^[]*?^name\s*=\s*"([^"]+)"/ms.exec(manifest)?.[1];
  return bin ?? /^\[package\][^[]*?^name\s*=\s*"([^"]+)"/ms.exec(manifest)?.[1] ?? null;
}

function dotnetArtifacts(input: InferenceInput): Inferred {
  const step = input.steps.find((s) => s.label === 'dotnet publish');
  if (!step) return { missing: 'a `dotnet publish` (`dotnet build` output is not meant to be deployed)' };
  const output = optionValue(step.words, ['-o', '--output']);
  if (!output) return { missing: 'the publish directory (add `-o <dir>` to `dotnet publish`)' };
  if (!output.startsWith('/') && workdirUnknown(input, step)) return UNKNOWN_WORKDIR;
  const dir = resolveImagePath(step.workdir, output);
  const plan = emptyPlan();
  // `-o out` lands in the runtime WORKDIR; an absolute `-o /app` keeps its place.
  if (output.startsWith('/') || !input.runtimeWorkdirKnown || input.runtimeWorkdir === '/') {
    plan.copies.push({ source: dir, dest: dir, destIsDir: dir === input.runtimeWorkdir, sourceIsFile: false });
    return { plan };
  }
  plan.copies.push({ source: dir, dest: input.runtimeWorkdir, destIsDir: true, sourceIsFile: false });
  plan.moves.push({ from: dir, to: input.runtimeWorkdir });
  return { plan };
}
