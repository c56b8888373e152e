/**
 * What the build tools of each language ecosystem read and run, as data shared by the rules that
 * reason about builds (`layer-cache-order`, `prefer-multi-stage`).
 *
 * Stable exports: `ECOSYSTEMS`, `ecosystemById`, `matchBuildCommand`, and the types below. Fields may
 * be added; existing ones keep their meaning. Paths and globs are relative to the directory the
 * step runs in, written with `/`, and matched by `globToRegExp` from the core (`**` crosses `/`).
 */
import { basename, globToRegExp, type ShellCommand, type ShellWord } from '@dockerfile-opt/core';

export type EcosystemId =
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'bun'
  | 'pip'
  | 'poetry'
  | 'uv'
  | 'pipenv'
  | 'go'
  | 'maven'
  | 'gradle'
  | 'cargo'
  | 'composer'
  | 'bundler'
  | 'dotnet';

export type Language = 'node' | 'python' | 'go' | 'java' | 'rust' | 'php' | 'ruby' | 'dotnet';

/** A command line of a build tool: its program and the words that select what it does. */
export interface CommandPattern {
  /** Program names, as the basename of the command word (`npm`, `mvnw`); `python -m pip` counts as `pip`. */
  programs: readonly string[];
  /** The leading non-option words, space-joined (`ci`, `mod download`); `''` is the bare program (`yarn`). */
  subcommands: readonly string[];
  /** Conditions that must all hold, each a `|`-list of alternatives: an option (`--no-root`: without
   * it `poetry install` installs the project itself) or a glob one of the operands matches (`**@**`). */
  requiredOptions?: readonly string[];
  /** Conditions (same form) that make the step something else (`go install pkg@version` reads no local project). */
  forbiddenOptions?: readonly string[];
  /** Words after the subcommand that are not options are allowed (`npm install express` adds a package). */
  allowsOperands?: boolean;
}

export interface Ecosystem {
  id: EcosystemId;
  language: Language;
  /** Every file the dependency install may read (globs); the lockfiles among them are optional. */
  manifests: readonly string[];
  /** Files to COPY before the install when the build context cannot be read: each entry matches
   * in any project that runs this install (optional files get a glob, which may match nothing). */
  manifestCopy: readonly string[];
  /** Options of an install whose value names a manifest it reads (`pip install -r requirements.txt`). */
  manifestOptions: readonly string[];
  /** Options of any of the ecosystem's commands that take their value as the next word. */
  valueOptions: readonly string[];
  /** Steps that install or fetch the dependencies from the manifests alone. */
  installs: readonly CommandPattern[];
  /** Steps that compile, test or package the project: they read its sources. */
  builds: readonly CommandPattern[];
  /** Other steps of the ecosystem's tools that read at most the manifests (cache, config, global tools). */
  housekeeping: readonly CommandPattern[];
  /** Files a build reads (globs), or null when it may read any file (bundlers read HTML, CSS, images). */
  buildReads: readonly string[] | null;
  /** The install succeeds with only the manifests (`cargo fetch` also needs a target such as src/main.rs). */
  installWorksWithManifestsOnly: boolean;
  /** Official base image names that carry the toolchain. */
  images: readonly string[];
}

const NODE_BUILDS: CommandPattern[] = [
  { programs: ['npm', 'pnpm', 'yarn', 'bun'], subcommands: ['run', 'run-script', 'build', 'test', 'exec', 'x'], allowsOperands: true },
  { programs: ['npx', 'bunx'], subcommands: ['*'], allowsOperands: true },
];

/** Go compiles these when they sit in a package directory; `vendor/` and go:embed patterns add more. */
const GO_SOURCES = ['go', 'c', 'h', 's', 'S', 'cc', 'cpp', 'cxx', 'hh', 'hpp', 'hxx', 'f', 'F', 'f90', 'm', 'swig', 'swigcxx', 'syso'];

export const ECOSYSTEMS: readonly Ecosystem[] = [
  {
    id: 'npm',
    language: 'node',
    manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
    manifestCopy: ['package*.json'],
    manifestOptions: [],
    valueOptions: ['--prefix', '-w', '--workspace', '--omit', '--include'],
    installs: [{ programs: ['npm'], subcommands: ['ci', 'install', 'i', 'clean-install'], forbiddenOptions: ['--offline'] }],
    builds: NODE_BUILDS,
    housekeeping: [{ programs: ['npm'], subcommands: ['cache', 'config', 'set', 'prune', 'audit'], allowsOperands: true }, { programs: ['npm'], subcommands: ['install', 'i'], requiredOptions: ['-g|--global'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['node'],
  },
  {
    id: 'yarn',
    language: 'node',
    manifests: ['package.json', 'yarn.lock', '.yarnrc', '.yarnrc.yml', '.yarn/**'],
    manifestCopy: ['package.json', 'yarn.lock*'],
    manifestOptions: [],
    valueOptions: ['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex'],
    installs: [{ programs: ['yarn'], subcommands: ['', 'install'], forbiddenOptions: ['--offline'] }],
    builds: NODE_BUILDS,
    housekeeping: [{ programs: ['yarn'], subcommands: ['cache', 'config', 'global'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['node'],
  },
  {
    id: 'pnpm',
    language: 'node',
    manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc', '.pnpmfile.cjs'],
    manifestCopy: ['package.json', 'pnpm-lock.yaml*'],
    manifestOptions: [],
    valueOptions: ['-C', '--dir', '--filter', '-F', '--store-dir'],
    installs: [{ programs: ['pnpm'], subcommands: ['install', 'i', 'fetch'], forbiddenOptions: ['--offline'] }],
    builds: NODE_BUILDS,
    // `--offline` links from the store an earlier fetch filled: cheap, it may follow the sources.
    housekeeping: [{ programs: ['pnpm'], subcommands: ['store', 'config', 'prune'], allowsOperands: true }, { programs: ['pnpm'], subcommands: ['install', 'i'], requiredOptions: ['--offline'] }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['node'],
  },
  {
    id: 'bun',
    language: 'node',
    manifests: ['package.json', 'bun.lock', 'bun.lockb', 'bunfig.toml'],
    manifestCopy: ['package.json', 'bun.lock*'],
    manifestOptions: [],
    valueOptions: ['--cwd'],
    installs: [{ programs: ['bun'], subcommands: ['install', 'i'] }],
    builds: NODE_BUILDS,
    housekeeping: [],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['oven/bun'],
  },
  {
    id: 'pip',
    language: 'python',
    manifests: ['requirements*.txt', 'requirements/**', 'constraints*.txt'],
    manifestCopy: ['requirements*.txt'],
    manifestOptions: ['-r', '--requirement', '-c', '--constraint'],
    valueOptions: ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--cache-dir', '--timeout', '--retries'],
    // `pip install -r requirements.txt`; operands (`pip install .`, `pip install flask`) make it something else.
    installs: [
      { programs: ['pip'], subcommands: ['install'], requiredOptions: ['-r|--requirement'], forbiddenOptions: ['-e', '--editable'] },
      { programs: ['uv'], subcommands: ['pip install', 'pip sync'], requiredOptions: ['-r|--requirement'] },
    ],
    builds: [{ programs: ['pip'], subcommands: ['install', 'wheel'], requiredOptions: ['.|-e|--editable'], allowsOperands: true }],
    housekeeping: [{ programs: ['pip'], subcommands: ['install', 'uninstall', 'cache', 'config'], forbiddenOptions: ['-r|--requirement|-e|--editable|.|**/**'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['python'],
  },
  {
    id: 'poetry',
    language: 'python',
    manifests: ['pyproject.toml', 'poetry.lock', 'poetry.toml'],
    manifestCopy: ['pyproject.toml', 'poetry.lock*'],
    manifestOptions: [],
    valueOptions: ['--only', '--with', '--without', '-E', '--extras', '-C', '--directory'],
    installs: [{ programs: ['poetry'], subcommands: ['install', 'sync'], requiredOptions: ['--no-root'] }],
    builds: [{ programs: ['poetry'], subcommands: ['install', 'build'] }],
    housekeeping: [{ programs: ['poetry'], subcommands: ['config', 'self'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['python'],
  },
  {
    id: 'uv',
    language: 'python',
    manifests: ['pyproject.toml', 'uv.lock', 'uv.toml', '.python-version'],
    manifestCopy: ['pyproject.toml', 'uv.lock*'],
    manifestOptions: [],
    valueOptions: ['--group', '--extra', '--package', '--python', '--directory', '--project'],
    installs: [{ programs: ['uv'], subcommands: ['sync'], requiredOptions: ['--no-install-project|--no-install-workspace'] }],
    builds: [{ programs: ['uv'], subcommands: ['sync', 'build'] }],
    housekeeping: [{ programs: ['uv'], subcommands: ['venv', 'python install', 'tool install', 'pip install'], forbiddenOptions: ['-r|--requirement|-e|--editable|.|**/**'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['python', 'ghcr.io/astral-sh/uv'],
  },
  {
    id: 'pipenv',
    language: 'python',
    manifests: ['Pipfile', 'Pipfile.lock'],
    manifestCopy: ['Pipfile', 'Pipfile.lock*'],
    manifestOptions: [],
    valueOptions: ['--python'],
    installs: [{ programs: ['pipenv'], subcommands: ['install', 'sync'] }],
    builds: [],
    housekeeping: [],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['python'],
  },
  {
    id: 'go',
    language: 'go',
    manifests: ['go.mod', 'go.sum', 'go.work', 'go.work.sum'],
    manifestCopy: ['go.mod', 'go.sum*'],
    manifestOptions: [],
    valueOptions: ['-o', '-ldflags', '-gcflags', '-tags', '-mod', '-modfile', '-p', '-run', '-timeout', '-buildmode', '-pkgdir'],
    installs: [{ programs: ['go'], subcommands: ['mod download'], allowsOperands: true }],
    builds: [
      { programs: ['go'], subcommands: ['build', 'test', 'vet', 'generate'], allowsOperands: true },
      // `go install pkg@version` fetches from the network and reads nothing local.
      { programs: ['go'], subcommands: ['install'], forbiddenOptions: ['**@**'], allowsOperands: true },
    ],
    housekeeping: [{ programs: ['go'], subcommands: ['env'], allowsOperands: true }, { programs: ['go'], subcommands: ['install'], requiredOptions: ['**@**'], allowsOperands: true }],
    buildReads: [...GO_SOURCES.map((ext) => `**/*.${ext}`), 'go.mod', 'go.sum', 'go.work', 'go.work.sum', 'vendor/**'],
    installWorksWithManifestsOnly: true,
    images: ['golang'],
  },
  {
    id: 'maven',
    language: 'java',
    manifests: ['pom.xml', '.mvn/**', 'mvnw', 'settings*.xml'],
    manifestCopy: ['pom.xml'],
    manifestOptions: ['-f', '--file'],
    valueOptions: ['-f', '--file', '-s', '--settings', '-gs', '-P', '-pl', '--projects', '-T', '-rf', '-Dmaven.repo.local'],
    installs: [{ programs: ['mvn', 'mvnw'], subcommands: ['dependency:go-offline', 'dependency:resolve', 'dependency:resolve-plugins', 'de.qaware.maven:go-offline-maven-plugin:resolve-dependencies'], allowsOperands: true }],
    builds: [{ programs: ['mvn', 'mvnw'], subcommands: ['*'], allowsOperands: true }],
    housekeeping: [],
    buildReads: ['**/pom.xml', '**/src/**', '.mvn/**'],
    installWorksWithManifestsOnly: true,
    images: ['maven', 'eclipse-temurin', 'openjdk', 'amazoncorretto'],
  },
  {
    id: 'gradle',
    language: 'java',
    manifests: ['*.gradle', '*.gradle.kts', 'gradle.properties', 'gradle/**', 'gradlew'],
    manifestCopy: ['*.gradle*', 'gradle.properties*'],
    manifestOptions: [],
    valueOptions: ['-p', '--project-dir', '-x', '--exclude-task', '-c', '--settings-file', '-g', '--gradle-user-home', '-I', '--init-script'],
    installs: [{ programs: ['gradle', 'gradlew'], subcommands: ['dependencies', 'resolveDependencies', 'downloadDependencies'], allowsOperands: true }],
    builds: [{ programs: ['gradle', 'gradlew'], subcommands: ['*'], allowsOperands: true }],
    housekeeping: [],
    buildReads: ['**/*.gradle', '**/*.gradle.kts', 'gradle.properties', 'gradle/**', '**/src/**', 'buildSrc/**'],
    installWorksWithManifestsOnly: true,
    images: ['gradle', 'eclipse-temurin', 'openjdk', 'amazoncorretto'],
  },
  {
    id: 'cargo',
    language: 'rust',
    manifests: ['Cargo.toml', 'Cargo.lock', '.cargo/**', 'rust-toolchain', 'rust-toolchain.toml'],
    manifestCopy: ['Cargo.toml', 'Cargo.lock*'],
    manifestOptions: [],
    valueOptions: ['--target', '--target-dir', '--features', '-F', '-p', '--package', '--bin', '--manifest-path', '-j', '--jobs', '--root', '--profile'],
    installs: [{ programs: ['cargo'], subcommands: ['fetch'] }],
    builds: [
      { programs: ['cargo'], subcommands: ['build', 'test', 'check', 'run', 'b', 't'], allowsOperands: true },
      { programs: ['cargo'], subcommands: ['install'], requiredOptions: ['--path'], allowsOperands: true },
    ],
    housekeeping: [{ programs: ['cargo'], subcommands: ['install'], forbiddenOptions: ['--path'], allowsOperands: true }],
    buildReads: ['**/*.rs', '**/Cargo.toml', 'Cargo.lock', 'build.rs', '.cargo/**', '**/src/**', 'benches/**', 'examples/**', 'tests/**'],
    installWorksWithManifestsOnly: false,
    images: ['rust'],
  },
  {
    id: 'composer',
    language: 'php',
    manifests: ['composer.json', 'composer.lock', 'auth.json', 'symfony.lock'],
    manifestCopy: ['composer.json', 'composer.lock*'],
    manifestOptions: [],
    valueOptions: ['-d', '--working-dir'],
    // Scripts and the autoloader dump read the sources: only the bare download is manifest-only.
    installs: [{ programs: ['composer', 'composer.phar'], subcommands: ['install'], requiredOptions: ['--no-scripts', '--no-autoloader'] }],
    builds: [{ programs: ['composer', 'composer.phar'], subcommands: ['install', 'dump-autoload', 'dumpautoload'] }],
    housekeeping: [{ programs: ['composer', 'composer.phar'], subcommands: ['config', 'global'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['composer', 'php'],
  },
  {
    id: 'bundler',
    language: 'ruby',
    manifests: ['Gemfile', 'Gemfile.lock', '.bundle/**'],
    manifestCopy: ['Gemfile', 'Gemfile.lock*'],
    manifestOptions: [],
    valueOptions: ['--jobs', '-j', '--retry', '--path', '--without', '--with', '--gemfile'],
    installs: [{ programs: ['bundle', 'bundler'], subcommands: ['', 'install'] }],
    builds: [],
    housekeeping: [{ programs: ['bundle', 'bundler'], subcommands: ['config'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['ruby'],
  },
  {
    id: 'dotnet',
    language: 'dotnet',
    manifests: ['**/*.csproj', '**/*.fsproj', '**/*.vbproj', '*.sln', '*.slnx', 'NuGet.config', 'nuget.config', 'Directory.Build.props', 'Directory.Packages.props', 'global.json'],
    // A restore reads every project of the solution, wherever it sits: only the project a restore
    // names can be listed without reading the context.
    manifestCopy: [],
    manifestOptions: [],
    valueOptions: ['-s', '--source', '-r', '--runtime', '--packages', '-c', '--configuration', '-o', '--output', '-f', '--framework', '--configfile'],
    installs: [{ programs: ['dotnet'], subcommands: ['restore'], allowsOperands: true }],
    builds: [{ programs: ['dotnet'], subcommands: ['build', 'publish', 'test', 'pack'], allowsOperands: true }],
    housekeeping: [{ programs: ['dotnet'], subcommands: ['tool install', 'workload install', 'nuget'], allowsOperands: true }],
    buildReads: null,
    installWorksWithManifestsOnly: true,
    images: ['mcr.microsoft.com/dotnet/sdk'],
  },
];

export const ecosystemById: ReadonlyMap<EcosystemId, Ecosystem> = new Map(ECOSYSTEMS.map((e) => [e.id, e]));

export type BuildCommandKind = 'install' | 'build' | 'housekeeping';

/** A command recognised as a dependency install, a build or a housekeeping step of one ecosystem. */
export interface BuildCommandMatch {
  ecosystem: Ecosystem;
  kind: BuildCommandKind;
  command: ShellCommand;
  /** The program, normalised (`pip` for `python3 -m pip`, `mvnw` for `./mvnw`). */
  program: string;
  /** Words after the program (after `-m pip` for `python -m pip`). */
  words: readonly ShellWord[];
  /** The non-option words, option values excluded. */
  operands: readonly ShellWord[];
  /** Manifest paths named by the command's options (`-r requirements/prod.txt`), as written. */
  manifestPaths: string[];
}

/**
 * What `command` is: a manifest-only install, a build, a housekeeping step, or none of them (null).
 * The first kind that matches wins (`mvn dependency:go-offline` is an install, `mvn package` a
 * build). Commands with words that are not static never match.
 */
export function matchBuildCommand(command: ShellCommand): BuildCommandMatch | null {
  if (!command.name?.isStatic) return null;
  let program = normaliseProgram(command.name.value);
  let words: readonly ShellWord[] = command.args;
  if (/^python[\d.]*$/.test(program) && words[0]?.value === '-m' && words[1]) {
    program = normaliseProgram(words[1].value);
    words = words.slice(2);
  }
  if (words.some((w) => !w.isStatic)) return null;
  for (const kind of ['install', 'build', 'housekeeping'] as const) {
    for (const ecosystem of ECOSYSTEMS) {
      const patterns = kind === 'install' ? ecosystem.installs : kind === 'build' ? ecosystem.builds : ecosystem.housekeeping;
      for (const pattern of patterns) {
        if (!pattern.programs.includes(program)) continue;
        const split = splitWords(words, ecosystem.valueOptions);
        if (!matchesPattern(pattern, split)) continue;
        return { ecosystem, kind, command, program, words, operands: split.operands, manifestPaths: kind === 'install' ? optionValues(words, ecosystem.manifestOptions) : [] };
      }
    }
  }
  return null;
}

/** Whether `relativePath` (relative to where the step runs) matches one of `globs`. */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/^\.\//, '');
  return globs.some((g) => globToRegExp(g).test(path) || (g.startsWith('**/') && globToRegExp(g.slice(3)).test(path)));
}

function normaliseProgram(word: string): string {
  const name = basename(word);
  if (/^pip[\d.]*$/.test(name)) return 'pip';
  return name;
}

interface SplitWords {
  options: string[];
  operands: ShellWord[];
}

function splitWords(words: readonly ShellWord[], valueOptions: readonly string[]): SplitWords {
  const options: string[] = [];
  const operands: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    if (word.value.startsWith('-') && word.value.length > 1) {
      options.push(word.value);
      if (valueOptions.includes(word.value)) i++;
    } else operands.push(word);
  }
  return { options, operands };
}

function matchesPattern(pattern: CommandPattern, { options, operands }: SplitWords): boolean {
  const values = operands.map((w) => w.value);
  const subcommand = pattern.subcommands.find((s) => s === '*' ? values.length > 0 : s === '' ? values.length === 0 : s.split(' ').every((part, i) => values[i] === part));
  if (subcommand === undefined) return false;
  const taken = subcommand === '' ? 0 : subcommand === '*' ? 1 : subcommand.split(' ').length;
  const rest = values.slice(taken);
  const present = (alternatives: string): boolean =>
    alternatives.split('|').some((o) => (o.startsWith('-') ? options.some((opt) => opt === o || opt.startsWith(`${o}=`)) : rest.some((v) => globToRegExp(o).test(v))));
  if (pattern.requiredOptions && !pattern.requiredOptions.every(present)) return false;
  if (pattern.forbiddenOptions?.some(present)) return false;
  return pattern.allowsOperands === true || rest.length === 0;
}

function optionValues(words: readonly ShellWord[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as ShellWord).value;
    for (const name of names) {
      if (word === name && words[i + 1]) values.push((words[i + 1] as ShellWord).value);
      else if (name.startsWith('--') && word.startsWith(`${name}=`)) values.push(word.slice(name.length + 1));
    }
  }
  return values;
}
