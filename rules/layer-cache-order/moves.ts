/**
 * Text edits that move whole instructions, with the comment lines right above them, and insert
 * new instructions: the building blocks of this rule's fixes.
 */
import type { DockerfileNode, InstructionNode, InstructionState, TextEdit } from '@dockerfile-opt/core';

/** An instruction with its leading comments: `start..end` is the text, `removeEnd` includes the line break. */
export interface Block {
  start: number;
  end: number;
  removeEnd: number;
}

export function blockOf(root: DockerfileNode, node: InstructionNode): Block {
  const text = root.text;
  let start = lineStart(text, node.range[0]);
  let line = node.loc.start.line;
  const index = root.children.indexOf(node);
  // Comment lines directly above (no blank line in between) belong to the instruction.
  for (let i = index - 1; i >= 0; i--) {
    const child = root.children[i];
    if (child?.type !== 'Comment' || child.loc.end.line !== line - 1) break;
    start = lineStart(text, child.range[0]);
    line = child.loc.start.line;
  }
  const end = node.range[1];
  const removeEnd = text.startsWith('\r\n', end) ? end + 2 : text.startsWith('\n', end) ? end + 1 : end;
  return { start, end, removeEnd };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Move `moved` (with its comments) to just after `after`. */
export function moveAfter(root: DockerfileNode, moved: InstructionNode, after: InstructionNode, eol: string): TextEdit[] {
  const block = blockOf(root, moved);
  const target = blockOf(root, after);
  const body = root.text.slice(block.start, block.end);
  const insert: TextEdit =
    target.removeEnd > target.end
      ? { range: [target.removeEnd, target.removeEnd], text: `${body}${eol}` }
      : { range: [target.end, target.end], text: `${eol}${body}` };
  return [{ range: [block.start, block.removeEnd], text: '' }, insert];
}

/** Move `moved` (with its comments) to just before `before`'s block, after the `prefix` lines. */
export function moveBefore(root: DockerfileNode, moved: InstructionNode, before: InstructionNode, prefix: string[], eol: string): TextEdit[] {
  const block = blockOf(root, moved);
  const target = blockOf(root, before);
  const body = root.text.slice(block.start, block.end);
  let remove: TextEdit = { range: [block.start, block.removeEnd], text: '' };
  // The last line of the file has no line break after it: take the one before it instead.
  if (block.removeEnd === block.end && block.start > 0) remove = { range: [block.start - (root.text.startsWith('\r\n', block.start - 2) ? 2 : 1), block.end], text: '' };
  return [{ range: [target.start, target.start], text: [...prefix, body].map((line) => `${line}${eol}`).join('') }, remove];
}

export function sameState(a: InstructionState, b: InstructionState): boolean {
  return a.workdir === b.workdir && a.user === b.user && a.shell.join('\0') === b.shell.join('\0') && sameMap(a.env, b.env) && sameMap(a.args, b.args);
}

function sameMap<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.has(key) || b.get(key) !== value) return false;
  return true;
}
