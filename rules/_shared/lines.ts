import type { InstructionNode, Range } from '@dockerfile-opt/core';

/**
 * The range that removes `node` together with its whole lines: from the start of its first line
 * through the line break after it (or, for the file's last line, the line break before it).
 */
export function instructionLinesRange(text: string, node: InstructionNode): Range {
  const start = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const lineEnd = /\r\n|\r|\n|$/g;
  lineEnd.lastIndex = node.range[1];
  const m = lineEnd.exec(text) as RegExpExecArray;
  const end = m.index + m[0].length;
  if (m[0] === '' && start > 0) {
    // last line without a line break: take the break before it instead
    const before = text[start - 2] === '\r' ? start - 2 : start - 1;
    return [before, end];
  }
  return [start, end];
}
