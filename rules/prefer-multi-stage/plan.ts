/** The artifact plan: what the runtime stage copies from the builder, and where it lands. */
import type { DockerfileModel, Stage } from '@dockerfile-opt/core';
import type { BuildStep } from './builds.js';
import type { EntryWord } from './entry.js';

/** One `COPY --from=builder <source> <dest>` of the runtime stage. */
export interface ArtifactCopy {
  /** Absolute path in the builder (may end in a glob). */
  source: string;
  /** Absolute path in the runtime stage: the file itself, or the directory that receives it. */
  dest: string;
  /** `dest` is a directory that receives the source (a glob, or a directory's contents). */
  destIsDir: boolean;
  /** The source is one file (a binary, a jar), not a directory. */
  sourceIsFile: boolean;
}

/** The artifact moved: CMD/ENTRYPOINT paths under `from` now live under `to`. */
export interface PathMove {
  from: string;
  to: string;
}

export interface ArtifactPlan {
  copies: ArtifactCopy[];
  moves: PathMove[];
  /** Extra RUN commands for the end of the builder (pruning dev dependencies). */
  builderSteps: string[];
  /** The runtime needs the app's sources from the context (interpreted code). */
  keepSources: boolean;
  /** A Go build with cgo on. */
  cgo: boolean;
}

export type Inferred = { plan: ArtifactPlan } | { missing: string };

export interface InferenceInput {
  model: DockerfileModel;
  stage: Stage;
  steps: readonly BuildStep[];
  /** The working directory of the runtime stage where the artifact lands. */
  runtimeWorkdir: string;
  /** False when a WORKDIR of the stage depends on a value the model does not know. */
  runtimeWorkdirKnown: boolean;
  entry: readonly EntryWord[];
  readContextFile: ((path: string) => string | null) | undefined;
}

export const UNKNOWN_WORKDIR = { missing: 'the working directory of the build (the base image sets it; add an absolute WORKDIR)' };

/** Relative build paths resolve against a WORKDIR the toolchain image may have set (golang's is /go). */
export function workdirUnknown(input: InferenceInput, step: BuildStep): boolean {
  return !input.model.stateAt(step.run).workdirKnown;
}

export const emptyPlan = (): ArtifactPlan => ({ copies: [], moves: [], builderSteps: [], keepSources: false, cgo: false });
