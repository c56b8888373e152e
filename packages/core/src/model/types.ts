import type { FlagNode, FromNode, InstructionNode, Token } from '../parse/ast.js';
import type { Range } from '../parse/location.js';
import type { WriteKind } from './run-effects.js';
import type { VarValue } from './variables.js';

export type StageBase =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'image'; image: string; name: string; tag: string | null; digest: string | null }
  | { kind: 'scratch' }
  /** The base image depends on an ARG whose value is not known. */
  | { kind: 'unresolved'; text: string };

export interface Stage {
  index: number;
  /** The `AS` name, lower-cased (Docker compares stage names case-insensitively). */
  name: string | null;
  from: FromNode;
  /** The stage's instructions after its FROM. */
  instructions: InstructionNode[];
  base: StageBase;
  isFinal: boolean;
}

export type StageRefKind = 'from' | 'copy' | 'mount';

export interface StageRef {
  kind: StageRefKind;
  /** The instruction holding the reference. */
  node: InstructionNode;
  /** The stage the instruction belongs to (null for a reference outside any stage). */
  stage: Stage | null;
  /** The reference as written (a flag value, a mount's `from=`, or a FROM image). */
  text: string;
  /** The reference after ARG expansion, or null when an ARG's value is unknown. */
  resolved: string | null;
  /** Where the reference sits in the source. */
  range: Range;
  /** The stage it names, when it names one defined before. */
  target: Stage | null;
  /** An image reference (`nginx:1.27`, `ghcr.io/x/y`), not a stage. */
  external: boolean;
  /** Why the reference is broken, when it is. */
  problem: 'unknown' | 'forward' | 'self' | 'index-out-of-range' | null;
  /** For `copy`: the flag; for `mount`: the `--mount` flag. */
  flag: FlagNode | null;
}

export interface InstructionState {
  stage: Stage | null;
  /** Absolute working directory in force (`/` when none was set). */
  workdir: string;
  /** The WORKDIR was set in this file (this stage or an ancestor stage), not inherited from an image. */
  workdirKnown: boolean;
  user: string | null;
  shell: string[];
  /** ENV values in force (inherited from parent stages), `undefined` for values not known. */
  env: ReadonlyMap<string, VarValue>;
  /** ARGs declared in the stage (or global ARGs for FROM lines). */
  args: ReadonlyMap<string, VarValue>;
}

export interface FileWrite {
  path: string;
  kind: WriteKind;
  node: InstructionNode;
  how: 'copy' | 'add' | 'workdir' | 'run';
  /** For COPY --from: the stage (or external image) it copies from. */
  from: StageRef | null;
  /**
   * False when the path was resolved against a working directory the file does not set (a
   * relative path under the base image's unknown WORKDIR): the real path may differ.
   */
  anchored: boolean;
}

export interface CopySource {
  /** The source path as written, after ARG expansion (or as written when unknown). */
  value: string;
  token: Token;
  hasGlob: boolean;
}

export interface CopyInfo {
  node: InstructionNode;
  /** The stage or image it copies from; null when it copies from the build context. */
  from: StageRef | null;
  sources: CopySource[];
  /** Heredoc sources (`COPY <<EOF /x`). */
  heredocSources: number;
  dest: Token | null;
  /** Absolute destination (resolved against WORKDIR), or null when an ARG in it is unknown. */
  destPath: string | null;
  /** The destination is a directory (ends in `/`, or several sources). */
  destIsDir: boolean;
}
