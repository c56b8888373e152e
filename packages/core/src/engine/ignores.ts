import type { CommentNode, DockerfileNode, InstructionNode } from '../parse/ast.js';
import type { Range } from '../parse/location.js';
import type { RuleDefinition } from './rule.js';

export interface IgnoreDirective {
  /** Rule ids, hadolint codes or BuildKit check names; `all` for BuildKit's `skip=all`. */
  codes: string[];
  /** The whole file, or the instruction that follows the comment. */
  scope: 'file' | 'next';
  /** The range findings must start in to be ignored (`scope: next`). */
  target: Range | null;
  comment: CommentNode | null;
  reason: string | null;
}

const OWN = /^\s*dockerfile-opt\s+(global\s+)?ignore\s*=\s*([^\s]+)(?:\s+--\s*(.*))?\s*$/;
const HADOLINT = /^\s*hadolint\s+(global\s+)?ignore\s*=\s*([^\s]+)/;

/** Inline ignores: our own comments, hadolint's, and BuildKit's `# check=skip=` directive. */
export function collectIgnores(root: DockerfileNode): IgnoreDirective[] {
  const out: IgnoreDirective[] = [];
  const comments = [...root.comments, ...root.instructions.flatMap((i) => i.innerComments)];
  for (const comment of comments) {
    const m = OWN.exec(comment.value) ?? HADOLINT.exec(comment.value);
    if (!m) continue;
    const codes = (m[2] as string).split(',').map((c) => c.trim()).filter(Boolean);
    const global = Boolean(m[1]);
    const next = global ? null : nextInstruction(root.instructions, comment.range[1]);
    out.push({
      codes,
      scope: global ? 'file' : 'next',
      target: next ? next.range : null,
      comment,
      reason: m[3]?.trim() || null,
    });
  }
  for (const directive of root.directives) {
    if (directive.name !== 'check') continue;
    for (const part of directive.value.split(';')) {
      const [key, value] = part.split('=', 2).map((s) => s.trim());
      if (key === 'skip' && value) out.push({ codes: value.split(',').map((s) => s.trim()), scope: 'file', target: null, comment: null, reason: null });
    }
  }
  return out;
}

function nextInstruction(instructions: readonly InstructionNode[], offset: number): InstructionNode | null {
  for (const node of instructions) if (node.range[0] >= offset) return node;
  return null;
}

const HADOLINT_CODE = /^(DL|SC)\d+$/;

/**
 * Whether `rule` is switched off by one of `codes`: its id, one of its sources, or `all`
 * (BuildKit's `skip=all`, which covers the rules that stand for a BuildKit check). `findingSources`
 * narrows the sources to those of one finding.
 */
export function codesCover(codes: readonly string[], rule: RuleDefinition, findingSources?: readonly string[]): boolean {
  const sources = findingSources ?? rule.meta.sources ?? [];
  return codes.some(
    (c) =>
      c === rule.id ||
      (c === 'all' && sources.some((s) => !HADOLINT_CODE.test(s))) ||
      sources.some((s) => s.toLowerCase() === c.toLowerCase()),
  );
}

export function isIgnored(ignores: readonly IgnoreDirective[], rule: RuleDefinition, start: number, findingSources?: readonly string[]): boolean {
  return ignores.some(
    (d) => codesCover(d.codes, rule, findingSources) && (d.scope === 'file' || (d.target !== null && start >= d.target[0] && start < d.target[1])),
  );
}
