import type { LintMessage, LintResult } from '../engine/result.js';
import type { TextEdit } from '../engine/rule.js';
import { lintWithRules, type LintOptions } from '../engine/linter.js';
import type { RuleDefinition } from '../engine/rule.js';

export interface FixOptions extends LintOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe?: boolean;
  /** Passes at most (default 10). */
  maxPasses?: number;
}

export interface FixRun {
  /** The fixed text (the input when nothing changed), BOM included when the input had one. */
  output: string;
  changed: boolean;
  /** How many passes applied at least one fix. */
  passes: number;
  /** The lint result of the final text. */
  result: LintResult;
}

const BOM = '\uFEFF';

/**
 * Apply fixes, re-lint and repeat until nothing changes (at most `maxPasses`). A pass whose
 * result has more fatal parse errors than its input is thrown away.
 */
export function fixWithRules(input: string, rules: readonly RuleDefinition[], options: FixOptions = {}): FixRun {
  const hadBom = input.startsWith(BOM);
  let text = hadBom ? input.slice(1) : input;
  const eol = text.includes('\r\n') && !/(^|[^\r])\n/.test(text) ? '\r\n' : null;
  let run = lintWithRules(text, rules, options);
  let passes = 0;
  const maxPasses = options.maxPasses ?? 10;
  const seen = new Set<string>([text]);
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = selectEdits(run.result.messages, options.unsafe ?? false);
    if (edits.length === 0) break;
    let next = applyEdits(text, edits);
    if (eol) next = next.replace(/\r?\n/g, eol);
    if (next === text || seen.has(next)) break;
    const nextRun = lintWithRules(next, rules, options);
    if (nextRun.result.fatalErrorCount > run.result.fatalErrorCount) break;
    seen.add(next);
    text = next;
    run = nextRun;
    passes++;
  }
  const output = (hadBom ? BOM : '') + text;
  return { output, changed: output !== input, passes, result: run.result };
}

/** Pick a set of non-overlapping edits: small fixes first; a `late` whole-file rewrite only alone. */
export function selectEdits(messages: readonly LintMessage[], unsafe: boolean): TextEdit[] {
  const candidates = messages.filter((m) => m.fixDetails && (m.fixDetails.safety === 'safe' || unsafe));
  const early = candidates.filter((m) => !m.fixDetails?.late);
  const pool = early.length > 0 ? early : candidates.slice(0, 1);
  const chosen: TextEdit[] = [];
  for (const m of pool) {
    const edits = m.fixDetails?.edits ?? [];
    if (edits.every((e) => chosen.every((c) => !overlaps(c.range, e.range))) && !selfOverlapping(edits)) chosen.push(...edits);
  }
  return chosen;
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  // Two insertions at the same point overlap too: their order would be arbitrary.
  if (a[0] === b[0]) return true;
  return a[0] < b[1] && b[0] < a[1];
}

function selfOverlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  for (let i = 1; i < sorted.length; i++) if ((sorted[i] as TextEdit).range[0] < (sorted[i - 1] as TextEdit).range[1]) return true;
  return false;
}

/** Apply non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}
