/**
 * What a small, well-known runtime image ships outside the system trees (`/bin`, `/usr`, …). None
 * of them sets a WORKDIR: a relative path in a stage built on one starts from `/`.
 */
export interface MinimalImage {
  /** Trees outside the system ones that the image does ship. */
  appRoots: readonly string[];
  /** The image sets an ENTRYPOINT, so a CMD of the file only passes it arguments. */
  entrypoint: boolean;
}

const PLAIN: MinimalImage = { appRoots: [], entrypoint: false };
/** `:debug` variants of distroless ship a busybox in `/busybox`. */
const DISTROLESS: MinimalImage = { appRoots: ['/busybox'], entrypoint: false };

/** Image names (registry and `library/` removed, no tag) and what they ship. */
const MINIMAL_IMAGES: ReadonlyArray<[RegExp, MinimalImage]> = [
  [/^diamol\/base$/, PLAIN],
  [/^(alpine|busybox|debian|ubuntu)$/, PLAIN],
  [/^gcr\.io\/distroless\/(static|base|base-nossl|cc)(-debian\d+)?$/, DISTROLESS],
  [/^gcr\.io\/distroless\/nodejs\d*(-debian\d+)?$/, { appRoots: ['/busybox', '/nodejs'], entrypoint: true }],
  [/^gcr\.io\/distroless\/(java\d*|python3)(-debian\d+)?$/, { appRoots: ['/busybox'], entrypoint: true }],
  [/^cgr\.dev\/chainguard\/static$/, PLAIN],
];

/** The image name without the Docker Hub registry or `library/` prefix. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}

/** What the image ships, when it is one of the known minimal runtime images. */
export function minimalImage(name: string): MinimalImage | null {
  const normalised = normalise(name);
  return MINIMAL_IMAGES.find(([pattern]) => pattern.test(normalised))?.[1] ?? null;
}
