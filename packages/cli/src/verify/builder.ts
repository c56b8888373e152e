/**
 * What `dockerfile-opt verify` needs from an image builder. Buildah is the first backend
 * (buildah.ts); a Docker buildx backend can implement the same interface later.
 */

export interface BuildRequest {
  /** Absolute path of the Dockerfile (may lie outside the context). */
  dockerfile: string;
  /** Absolute path of the build context. */
  context: string;
  /** Name to tag the final image with. */
  tag: string;
  /** Ignore cached layers (a cold build); the new layers are still kept for later builds. */
  noCache?: boolean;
}

export interface BuildStep {
  /** The instruction as the builder printed it, e.g. `COPY main.go .`. */
  instruction: string;
  /** True when the builder reused a cached layer for this step. */
  cached: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Wall-clock seconds the build took. */
  seconds: number;
  /** Every step but FROM, in the order the builder ran them. */
  steps: BuildStep[];
  /** The builder's output, for reporting a failure. */
  log: string;
}

export interface ImageInfo {
  /** Sum of the compressed or uncompressed layer sizes the builder records, in bytes. */
  sizeBytes: number;
  layers: number;
  entrypoint: string[];
  cmd: string[];
}

/** A regular file or symlink in an image; directories are left out. */
export interface ImageFile {
  size: number;
  /** SHA-256 of a regular file's content, or `symlink:<target>`. */
  digest: string;
}

export interface RunRequest {
  /** How long the command may run before it is stopped. */
  timeoutMs: number;
  /** For a server: fetch this URL once it answers, and take the response as the output. */
  probeUrl?: string;
}

export interface RunResult {
  /** The command's exit code; null when it was stopped (a server) or could not start. */
  exitCode: number | null;
  /** The probe's response body when `probeUrl` was given, otherwise stdout and stderr. */
  output: string;
}

export interface Builder {
  readonly name: string;
  /** Null when the builder can be used, otherwise why not (e.g. it is not installed). */
  unavailable(): Promise<string | null>;
  build(request: BuildRequest): Promise<BuildResult>;
  inspect(image: string): Promise<ImageInfo>;
  /** Every file of an image by absolute path. */
  files(image: string): Promise<Map<string, ImageFile>>;
  /** Run the image's ENTRYPOINT + CMD. */
  run(image: string, request: RunRequest): Promise<RunResult>;
  removeImage(image: string): Promise<void>;
}
