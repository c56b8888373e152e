import { basename, hasGlob, isUnder, type DockerfileModel, type Stage } from '@dockerfile-opt/core';
import { isBaseImageDir, rootBase } from './image-paths.js';

/** Why the model is sure a stage did not produce a path. */
export type MissingEvidence =
  | { kind: 'scratch' }
  | { kind: 'created-dir'; dir: string }
  | { kind: 'elsewhere'; produced: string };

/**
 * Evidence that `stage` never produced `path`, or null when the path may exist (written, maybe
 * written, or plausibly shipped by the stage's base image). Only positive evidence counts: an
 * empty `scratch` chain, a directory the stage created itself, or a file of the same name the
 * stage wrote at another path.
 */
export function missingArtifact(model: DockerfileModel, stage: Stage, path: string): MissingEvidence | null {
  if (path === '/' || hasGlob(path) || model.produces(stage, path) !== 'no' || model.hasOpaqueWrites(stage)) return null;
  const writes = model.writes(stage);
  // A file written relative to the base image's unknown WORKDIR may be the very path asked for.
  if (writes.some((w) => !w.anchored && w.kind !== 'dir')) return null;
  const base = rootBase(stage);
  if (base.kind === 'unresolved') return null;
  const name = basename(path);
  const sameName = writes.find((w) => w.kind === 'file' && w.anchored && basename(w.path) === name);
  if (sameName) return { kind: 'elsewhere', produced: sameName.path };
  if (base.kind === 'scratch') return { kind: 'scratch' };
  // The deepest directory the stage created above the path.
  const created = writes
    .filter((w) => w.kind === 'dir' && w.anchored && w.path !== path && isUnder(path, w.path) && !isBaseImageDir(w.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return created ? { kind: 'created-dir', dir: created.path } : null;
}


/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The one candidate close enough to `name` to be what was meant: at most 2 edits, fewer than a
 * third of the longer name, and strictly closer than any other candidate.
 */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate) }))
    .filter(({ candidate, distance }) => distance <= 2 && distance * 3 < Math.max(lower.length, candidate.length))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best || (second && second.distance === best.distance)) return null;
  return best.candidate;
}
