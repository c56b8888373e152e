import type { Range, TextEdit } from '@dockerfile-opt/core';

export interface VariableRef {
  name: string;
  /** The whole reference (`$NAME` or `${NAME...}`) in file offsets. */
  range: Range;
  /** The `${NAME<modifier>word}` operator (`:-`, `-`, `:+`, `+`, `:?`, `?`), or null. */
  modifier: string | null;
}

/**
 * The `$NAME` and `${NAME...}` references in `text` (which starts at file offset `offset`), nested
 * ones in `${A:-$B}` included, skipping `$` escaped with the file's escape character.
 */
export function variableRefs(text: string, offset: number, escapeChar: string): VariableRef[] {
  const refs: VariableRef[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar && text[i + 1] === '$') {
      i++;
      continue;
    }
    if (ch !== '$') continue;
    if (text[i + 1] === '{') {
      const m = /^\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?/.exec(text.slice(i + 1));
      if (!m) continue;
      const end = closingBrace(text, i + 2);
      refs.push({
        name: m[1] as string,
        range: [offset + i, offset + (end === -1 ? text.length : end + 1)],
        modifier: m[2] ?? null,
      });
      // keep scanning inside the braces for nested references in the modifier word
      i += m[0].length;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) continue;
    refs.push({ name: m[0], range: [offset + i, offset + i + 1 + m[0].length], modifier: null });
    i += m[0].length;
  }
  return refs;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The edit that makes `ref` name `newName` instead (`$OLD` -> `$NEW`, `${OLD:-x}` -> `${NEW:-x}`). */
export function renameVariableEdit(ref: VariableRef, text: string, newName: string): TextEdit {
  const nameStart = ref.range[0] + (text[ref.range[0] + 1] === '{' ? 2 : 1);
  return { range: [nameStart, nameStart + ref.name.length], text: newName };
}
