import type { DockerfileModel, InstructionNode, ShellCommand, ShellWord, Stage } from '@dockerfile-opt/core';
import { invocationOf } from '../_shared/commands.js';
import { isInstall, packageManagerCalls } from '../_shared/package-managers.js';
import type { Ecosystem } from '../knowledge/runtime-images.js';

/** A command that compiles or packages an artifact (not a test, lint or dependency download). */
export interface BuildStep {
  ecosystem: Ecosystem;
  run: InstructionNode;
  command: ShellCommand;
  /** The program, normalised (`mvnw` for `./mvnw`, `pip` for `python -m pip`). */
  program: string;
  /** Words after the program. */
  words: readonly ShellWord[];
  /** The directory the RUN runs in. */
  workdir: string;
  /** A short text naming the step for messages (`go build`). */
  label: string;
}

const MAVEN_PHASES = new Set(['package', 'install', 'verify', 'deploy', 'spring-boot:repackage']);
const GRADLE_TASKS = /^(:?[\w-]+:)*(build|assemble|bootJar|bootWar|jar|war|shadowJar|installDist|installShadowDist)$/;
const NODE_BUILD_SCRIPT = /^(build|compile)([:-].*)?$/;
/** Bundlers and compilers run with npx (or directly) that write a build output. */
const NODE_COMPILERS = new Set(['tsc', 'webpack', 'vite', 'next', 'ng', 'esbuild', 'rollup', 'parcel', 'nest', 'tsup', 'babel', 'swc', 'react-scripts']);
const NODE_COMPILER_SUBCOMMAND: Record<string, string> = { vite: 'build', next: 'build', ng: 'build', nest: 'build', parcel: 'build', 'react-scripts': 'build' };
const VENV_CREATORS = /^(virtualenv|pyvenv)$/;

/** Packages that turn `pip install` into a native build: a compiler, or headers to compile against. */
const NATIVE_TOOLCHAIN = /^(gcc|g\+\+|clang|build-essential|build-base|.*-dev|.*-devel)$/;

/** Every artifact build of the stage's RUN instructions, in order. */
export function buildSteps(model: DockerfileModel, stage: Stage): BuildStep[] {
  const compilesNative = stage.instructions.some(
    (run) => run.type === 'RUN' && packageManagerCalls(model, run).some((call) => isInstall(call) && call.manager !== 'pip' && call.operands.some((w) => NATIVE_TOOLCHAIN.test(w.value))),
  );
  const steps: BuildStep[] = [];
  for (const run of stage.instructions) {
    if (run.type !== 'RUN') continue;
    const workdir = model.stateAt(run).workdir;
    for (const script of model.shell(run)) {
      for (const command of script.commands) {
        const step = classify(command, run, workdir, compilesNative);
        if (step) steps.push(step);
      }
    }
  }
  return steps;
}

function classify(command: ShellCommand, run: InstructionNode, workdir: string, compilesNative: boolean): BuildStep | null {
  const invocation = invocationOf(command);
  if (!invocation) return null;
  let program = invocation.program.replace(/^pip[\d.]*$/, 'pip');
  let words: readonly ShellWord[] = invocation.args;
  if (/^python[\d.]*$/.test(program) && words[0]?.value === '-m' && words[1]) {
    program = words[1].value.replace(/^pip[\d.]*$/, 'pip');
    words = words.slice(2);
  }
  const operands = words.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  const step = (ecosystem: Ecosystem, label: string): BuildStep => ({ ecosystem, run, command, program, words, workdir, label });
  const first = operands[0] ?? '';
  switch (program) {
    case 'go':
      // `go install pkg@version` and `go install tool` install tools, not the app.
      if (first === 'install' && operands.slice(1).some((o) => o === 'tool' || o.includes('@'))) return null;
      return first === 'build' || first === 'install' ? step('go', `go ${first}`) : null;
    case 'mvn':
    case 'mvnw': {
      const phase = operands.find((o) => MAVEN_PHASES.has(o));
      return phase ? step('java', `${program} ${phase}`) : null;
    }
    case 'gradle':
    case 'gradlew': {
      const task = operands.find((o) => GRADLE_TASKS.test(o));
      return task ? step('java', `${program} ${task}`) : null;
    }
    case 'javac':
      // `javac -version` is a smoke test, not a build.
      return operands.some((o) => o.endsWith('.java') || o.startsWith('@')) ? step('java', 'javac') : null;
    case 'cargo':
      return first === 'build' || first === 'b' || first === 'install' ? step('rust', `cargo ${first}`) : null;
    case 'dotnet':
      return first === 'publish' || first === 'build' ? step('dotnet', `dotnet ${first}`) : null;
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      const script = first === 'run' || first === 'run-script' ? operands[1] : first;
      return script && NODE_BUILD_SCRIPT.test(script) ? step('node', `${program} ${operands.slice(0, first === script ? 1 : 2).join(' ')}`) : null;
    }
    case 'npx':
    case 'bunx':
      return nodeCompiler(operands[0] ?? '', operands.slice(1)) ? step('node', `${program} ${operands[0] ?? ''}`) : null;
    case 'pip':
      // With a compiler installed, `pip install` builds native wheels.
      if (first === 'install' && compilesNative) return step('python', 'pip install');
      return first === 'wheel' ? step('python', 'pip wheel') : null;
    case 'poetry':
      return first === 'build' ? step('python', 'poetry build') : null;
    case 'uv':
      if (first === 'pip' && operands[1] === 'install' && compilesNative) return step('python', 'uv pip install');
      return first === 'build' || first === 'sync' || first === 'venv' ? step('python', `uv ${first}`) : null;
    case 'venv':
      return /^python[\d.]*$/.test(invocation.program) ? step('python', 'python -m venv') : null;
    case 'build':
      return /^python[\d.]*$/.test(invocation.program) ? step('python', 'python -m build') : null;
    default:
      if (VENV_CREATORS.test(program)) return step('python', program);
      return nodeCompiler(program, operands) ? step('node', program) : null;
  }
}

function nodeCompiler(program: string, operands: readonly string[]): boolean {
  if (!NODE_COMPILERS.has(program)) return false;
  const sub = NODE_COMPILER_SUBCOMMAND[program];
  return sub === undefined || operands[0] === sub;
}

/** The value of an option given as `-o value`, `-o=value` or `--output value`, or null. */
export function optionValue(words: readonly ShellWord[], names: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as ShellWord).value;
    for (const name of names) {
      if (word === name) return words[i + 1]?.value ?? null;
      if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
    }
  }
  return null;
}

export function hasOption(words: readonly ShellWord[], names: readonly string[]): boolean {
  return words.some((w) => names.some((n) => w.value === n || w.value.startsWith(`${n}=`)));
}
