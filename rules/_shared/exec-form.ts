import { joinContinuations, type InstructionNode } from '@dockerfile-opt/core';

/** Words the shell would pass through unchanged: no quoting, expansion, globbing or operators. */
const PLAIN_WORD = /^[A-Za-z0-9_./:=,@%+-]+$/;

/**
 * The words of a shell-form body when the shell would only split it on blanks (no variables,
 * quotes, globs, operators or redirections), else null: only then does the exec form
 * `["w1", "w2"]` run the same command.
 */
export function plainWords(node: InstructionNode, text: string, escapeChar: string): string[] | null {
  if (!node.bodyRange || node.heredocs.length > 0 || node.innerComments.length > 0) return null;
  const body = joinContinuations(text.slice(node.bodyRange[0], node.bodyRange[1]), escapeChar).trim();
  const words = body.split(/\s+/);
  return words.length > 0 && words.every((w) => PLAIN_WORD.test(w)) ? words : null;
}

/** `["a", "b"]`. */
export function execFormText(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
