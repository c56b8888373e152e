/**
 * Toolchain images (the ones that compile) and the runtime image a multi-stage build would ship
 * instead. Used by `prefer-multi-stage`; users override the runtime with its `runtimeImages`
 * option.
 */

export type Ecosystem = 'go' | 'java' | 'node' | 'rust' | 'python' | 'dotnet';

/** What the runtime stage must offer, as far as the Dockerfile tells. */
export interface RuntimeNeeds {
  /** A shell-form CMD/ENTRYPOINT/HEALTHCHECK or a script needs `/bin/sh` in the runtime. */
  shell: boolean;
  /** A Go build with cgo on links against glibc (or musl on Alpine). */
  cgo: boolean;
}

/** The runtime image, or why none can be chosen. */
export type RuntimeChoice = { image: string } | { missing: string };

export interface ToolchainImage {
  ecosystem: Ecosystem;
  /** Image names without registry prefix `docker.io/` or `docker.io/library/` and without tag. */
  names: readonly string[];
  /** Tags of these images that already are a slim runtime: a final stage from them is fine. */
  runtimeTags?: RegExp;
  /** The runtime image for a toolchain tag (null when the FROM has no tag). */
  runtime(tag: string | null, needs: RuntimeNeeds): RuntimeChoice;
}

const DEBIAN_RELEASES: ReadonlyArray<[RegExp, string, string]> = [
  // [tag pattern, Debian release, distroless suffix]
  [/bullseye/, 'bullseye', 'debian11'],
  [/bookworm/, 'bookworm', 'debian12'],
  [/trixie/, 'trixie', 'debian13'],
];

function debianOf(tag: string | null): { release: string; distroless: string } {
  for (const [pattern, release, distroless] of DEBIAN_RELEASES) if (pattern.test(tag ?? '')) return { release, distroless };
  return { release: 'bookworm', distroless: 'debian12' };
}

function alpineOf(tag: string | null): string | null {
  const match = /alpine(\d+\.\d+)?/.exec(tag ?? '');
  if (!match) return null;
  return `alpine:${match[1] ?? '3.20'}`;
}

/** Native binaries: a static one runs on distroless static, a cgo one needs a libc. */
function nativeRuntime(tag: string | null, needs: RuntimeNeeds, libcBase: 'base' | 'cc'): RuntimeChoice {
  const alpine = alpineOf(tag);
  if (alpine) return { image: alpine };
  const { release, distroless } = debianOf(tag);
  // Alpine brings a shell and CA certificates; a binary linked against glibc needs Debian.
  if (needs.shell) return { image: needs.cgo ? `debian:${release}-slim` : 'alpine:3.20' };
  return { image: `gcr.io/distroless/${needs.cgo ? libcBase : 'static'}-${distroless}` };
}

/** The Java feature version in a JDK/Maven/Gradle tag (`3.9-eclipse-temurin-21` -> 21, `jdk17` -> 17). */
function javaVersionOf(tag: string | null, imageIsJdk: boolean): string | null {
  if (!tag) return null;
  const named = /(?:temurin|openjdk|jdk|corretto|amazoncorretto|zulu|sapmachine|graalvm|semeru)-?(\d+)/.exec(tag);
  if (named) return named[1] ?? null;
  if (imageIsJdk) return /^(\d+)/.exec(tag)?.[1] ?? null;
  return null;
}

function jre(tag: string | null, imageIsJdk: boolean): RuntimeChoice {
  const version = javaVersionOf(tag, imageIsJdk);
  if (!version) return { missing: 'the Java version (tag the image with its JDK, e.g. `maven:3.9-eclipse-temurin-21`)' };
  const variant = /alpine/.test(tag ?? '') ? '-alpine' : '';
  return { image: `eclipse-temurin:${version}-jre${variant}` };
}

/** `node:20` -> `node:20-slim`; the Debian release goes before `-slim` for node, after it for python. */
function slimVariant(name: 'node' | 'python', tag: string | null): RuntimeChoice {
  if (!tag || tag === 'latest') return { image: `${name}:slim` };
  const debian = /^(.*?)-(bullseye|bookworm|trixie)$/.exec(tag);
  if (!debian) return { image: `${name}:${tag}-slim` };
  const [, version, release] = debian;
  return { image: name === 'node' ? `node:${version}-${release}-slim` : `python:${version}-slim-${release}` };
}

function fixed(image: string): () => RuntimeChoice {
  return () => ({ image });
}

const SLIM_TAG = /(^|-)(slim|alpine)/;

export const TOOLCHAIN_IMAGES: readonly ToolchainImage[] = [
  { ecosystem: 'go', names: ['golang'], runtime: (tag, needs) => nativeRuntime(tag, needs, 'base') },
  { ecosystem: 'go', names: ['diamol/golang'], runtime: fixed('diamol/base') },
  { ecosystem: 'java', names: ['maven', 'gradle'], runtime: (tag) => jre(tag, false) },
  { ecosystem: 'java', names: ['diamol/maven'], runtime: fixed('diamol/openjdk') },
  {
    ecosystem: 'java',
    names: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'azul/zulu-openjdk', 'sapmachine'],
    runtimeTags: /jre/,
    runtime: (tag) => jre(tag, true),
  },
  { ecosystem: 'node', names: ['node'], runtimeTags: SLIM_TAG, runtime: (tag) => slimVariant('node', tag) },
  { ecosystem: 'node', names: ['diamol/node'], runtime: fixed('diamol/node') },
  { ecosystem: 'rust', names: ['rust'], runtime: (tag, needs) => nativeRuntime(tag, { ...needs, cgo: true }, 'cc') },
  { ecosystem: 'python', names: ['python'], runtimeTags: SLIM_TAG, runtime: (tag) => slimVariant('python', tag) },
  {
    ecosystem: 'dotnet',
    names: ['mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/core/sdk'],
    runtime: (tag, needs) => {
      if (!tag) return { missing: 'the .NET version (tag the SDK image, e.g. `mcr.microsoft.com/dotnet/sdk:8.0`)' };
      // aspnet holds the plain runtime too, so it fits console apps and web apps alike.
      const image = `mcr.microsoft.com/dotnet/aspnet:${tag}`;
      return needs.shell && /chiseled|distroless/.test(tag) ? { missing: 'a shell in the chiseled runtime' } : { image };
    },
  },
  { ecosystem: 'dotnet', names: ['diamol/dotnet-sdk'], runtime: fixed('diamol/dotnet-aspnet') },
];

/** Users that runtime images create, so that a `USER` by name still resolves after the rewrite. */
const RUNTIME_USERS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^(node|diamol\/node)(:|$)/, ['node']],
  [/^mcr\.microsoft\.com\/dotnet\/aspnet:/, ['app']],
  [/^gcr\.io\/distroless\//, ['nonroot']],
];

/** Whether `image` is known to have the user `name` (root and numeric ids always resolve). */
export function runtimeHasUser(image: string, name: string): boolean {
  if (name === 'root' || /^\d+$/.test(name)) return true;
  return RUNTIME_USERS.some(([pattern, users]) => pattern.test(image) && users.includes(name));
}

/** `docker.io/library/golang` -> `golang`; other registries stay. */
export function normalizeImageName(name: string): string {
  return name.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '');
}

export interface ToolchainMatch {
  entry: ToolchainImage;
  name: string;
  tag: string | null;
}

/** The toolchain entry for an image, or null for a runtime or unknown image. */
export function findToolchain(name: string, tag: string | null): ToolchainMatch | null {
  const normalized = normalizeImageName(name);
  const entry = TOOLCHAIN_IMAGES.find((e) => e.names.includes(normalized));
  if (!entry) return null;
  if (entry.runtimeTags && tag !== null && entry.runtimeTags.test(tag)) return null;
  return { entry, name: normalized, tag };
}

/**
 * The `runtimeImages` option: keys are toolchain images (`golang`, `golang:1.22`, `mycorp/builder`),
 * values the runtime image to use. The most specific key (name with tag) wins.
 */
export function runtimeOverride(overrides: Readonly<Record<string, string>>, name: string, tag: string | null): string | null {
  const normalized = normalizeImageName(name);
  if (tag !== null) {
    const tagged = overrides[`${normalized}:${tag}`] ?? overrides[`${name}:${tag}`];
    if (tagged) return tagged;
  }
  return overrides[normalized] ?? overrides[name] ?? null;
}
