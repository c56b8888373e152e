import type { PropertyNode } from './ast.js';
import { breakFinder, isBlank, TextBuilder, type Extent, type Source, type Word } from './source.js';

/** Index of the first character that is not whitespace or an escaped line break; -1 when none. */
function leadingContent(s: string, esc: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === ' ' || c === '\t') continue;
    if (c !== esc) return i;
    let joined = false;
    for (let j = i + 1; j < s.length; j++) {
      const d = s.charAt(j);
      if (d === ' ' || d === '\t') continue;
      if (d === '\r') {
        i = j + 1;
        joined = true;
      } else if (d === '\n') {
        i = j;
        joined = true;
      }
      break;
    }
    if (!joined) return -1;
  }
  return -1;
}

/** Index of the last character that is not trailing whitespace (or an escaped break before it). */
function trailingContent(s: string, esc: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charAt(i);
    if (c === ' ' || c === '\t') continue;
    if (c === '\n' || c === '\r') {
      if (c === '\n' && s.charAt(i - 1) === '\r') i--;
      for (let j = i - 1; j >= 0; j--) {
        const d = s.charAt(j);
        if (!isBlank(d) && d !== esc) return j;
      }
      return s.length;
    }
    return i;
  }
  return s.length;
}

/**
 * The `key=value` (or legacy `key value`) words of ENV, LABEL and ARG: quotes keep whitespace in a
 * word, `${...}` is one piece, values continue over escaped line breaks.
 */
export function propertyWords(src: Source, x: Extent): Word[] {
  const esc = src.escapeChar;
  const base0 = src.at(x.keywordEnd);
  const full = src.text.substring(base0, src.at(x.end));
  const start = leadingContent(full, esc);
  if (start === -1) return [];
  let joined = !src.sameLine(x.start, base0 + start);
  let endingEscape = false;
  let mark = -1;
  const content = full.substring(start, trailingContent(full, esc) + 1);
  const base = base0 + start;
  const words: Word[] = [];
  const push = (from: number, to: number): void => {
    words.push({ start: src.at(base + from), end: src.at(base + to), value: content.substring(from, to) });
  };
  let argStart = joined ? -1 : 0;
  let spaced = false;
  const pushSpaced = (): void => {
    if (argStart !== -1) push(argStart, mark);
  };
  scan: for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (c === esc) {
      if (i + 1 === content.length) {
        endingEscape = true;
        break;
      }
      if (!joined) mark = i;
      const next = content.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        if (!isBlank(content.charAt(i + 2))) {
          i = i + 1;
          continue;
        }
        let resumed = false;
        for (let j = i + 2; j < content.length; j++) {
          const d = content.charAt(j);
          if (d === '\r' || d === '\n') {
            joined = true;
            i = d === '\r' ? j + 1 : j;
            continue scan;
          }
          if (d !== ' ' && d !== '\t') {
            words.push({ start: src.at(base + argStart), end: src.at(base + i + 2), value: content.substring(argStart, i) });
            argStart = j;
            resumed = true;
            break;
          }
        }
        // Without a following word the scan would not move on: stop instead of looping.
        if (!resumed && argStart - 1 < i) break;
        i = argStart - 1;
        continue;
      }
      if (next === '\r' || next === '\n') {
        joined = true;
        i = next === '\r' ? i + 2 : i + 1;
        continue;
      }
      if (argStart === -1) argStart = i;
      if (next === esc) i = i + 1;
      continue;
    }
    switch (c) {
      case "'":
      case '"': {
        if (spaced) {
          pushSpaced();
          argStart = i;
          spaced = false;
        }
        if (argStart === -1) argStart = i;
        for (let j = i + 1; j < content.length; j++) {
          const d = content.charAt(j);
          if (d === c) {
            const after = content.charAt(j + 1);
            if (after !== ' ' && after !== '') {
              i = j;
              continue scan;
            }
            push(argStart, j + 1);
            i = j;
            argStart = -1;
            continue scan;
          }
          if (d === esc) j++;
        }
        break scan;
      }
      case ' ':
      case '\t':
        if (joined) {
          if (argStart !== -1) spaced = true;
        } else if (argStart !== -1) {
          push(argStart, i);
          argStart = -1;
        }
        break;
      case '\r':
        i++;
        spaced = false;
        break;
      case '\n':
        spaced = false;
        break;
      case '#':
        if (joined) {
          for (let j = i + 1; j < content.length; j++) {
            const d = content.charAt(j);
            if (d === '\r' || d === '\n') {
              i = d === '\r' ? j + 1 : j;
              spaced = false;
              continue scan;
            }
          }
          if (argStart !== -1) {
            push(argStart, mark);
            argStart = -1;
          }
          break scan;
        }
        if (argStart === -1) argStart = i;
        break;
      default: {
        if (spaced) {
          pushSpaced();
          argStart = i;
          spaced = false;
        }
        joined = false;
        if (argStart === -1) argStart = i;
        if (c === '$' && content.charAt(i + 1) === '{') {
          let single = false;
          let double = false;
          let escaped = false;
          for (let j = i + 1; j < content.length; j++) {
            const d = content.charAt(j);
            if (d === esc) escaped = true;
            else if (d === '\r' || d === '\n') continue;
            else if (d === "'") {
              single = !single;
              escaped = false;
            } else if (d === '"') {
              double = !double;
              escaped = false;
            } else if (d === ' ' || d === '\t') {
              if (escaped || single || double) continue;
              i = j - 1;
              continue scan;
            } else if (d === '}') {
              i = j;
              continue scan;
            } else escaped = false;
          }
          break scan;
        }
      }
    }
  }
  if (argStart !== -1 && argStart !== content.length) {
    const end = endingEscape ? content.length - 1 : content.length;
    push(argStart, end);
  }
  return words;
}

/** ENV/LABEL/ARG properties from their words: `k=v` pairs, or one legacy `k v...` pair. */
export function propertiesOf(src: Source, words: readonly Word[]): PropertyNode[] {
  const [first, second] = words;
  if (!first) return [];
  if (!second) return [property(src, first)];
  if (first.value.indexOf('=') === -1) {
    const last = words[words.length - 1] as Word;
    const rest = words.length === 2 ? second : { start: second.start, end: last.end, value: src.between(second.start, last.end) };
    return [property(src, first, rest)];
  }
  return words.map((w) => property(src, w));
}

function property(src: Source, word: Word, valueWord?: Word): PropertyNode {
  const esc = src.escapeChar;
  let nameEnd = word.end;
  const eq = word.value.indexOf('=');
  if (eq !== -1) {
    const initial = word.value.charAt(0);
    const before = word.value.charAt(eq - 1);
    if ((initial === '"' && before === '"') || (initial === "'" && before === "'") || (initial !== '"' && initial !== "'")) {
      nameEnd = src.at(word.start + eq);
    }
  }
  const name = src.token(word.start, nameEnd, unquote(src.between(word.start, nameEnd), esc));
  if (valueWord) {
    const value = unquote(src.between(valueWord.start, valueWord.end), esc);
    return {
      name,
      value: src.token(valueWord.start, valueWord.end, value),
      unescapedValue: value,
      operator: null,
      ...src.span(src.at(word.start), src.at(valueWord.end)),
    };
  }
  const span = src.span(src.at(word.start), src.at(word.end));
  if (nameEnd === word.end) return { name, value: null, unescapedValue: null, operator: null, ...span };
  const valueStart = src.at(word.start + eq + 1);
  const value = unquote(src.between(valueStart, word.end), esc);
  return { name, value: src.token(valueStart, word.end, value), unescapedValue: value, operator: '=', ...span };
}

/**
 * The value of a property part: surrounding quotes removed, escapes resolved, escaped line breaks
 * joined and comment lines inside them dropped.
 */
function unquote(raw: string, esc: string): string {
  const skip = leadingContent(raw, esc);
  let joined = skip !== 0 && raw.charAt(skip) === '#';
  let value = raw.substring(skip);
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  const literal = first === "'" || first === '"';
  const inSingle = first === "'" && last === "'";
  let inDouble = false;
  if (first === '"') {
    for (let i = 1; i < value.length; i++) {
      if (value.charAt(i) === esc) i++;
      else if (value.charAt(i) === '"' && i === value.length - 1) inDouble = true;
    }
  }
  if (inSingle || inDouble) value = value.substring(1, value.length - 1);
  const nextBreak = breakFinder(value, false);
  let blankFrom = -1;
  const out = new TextBuilder(value);
  scan: for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === esc) {
      if (i + 1 === value.length) {
        out.take(i, i + 1);
        break;
      }
      const next = value.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < value.length; j++) {
          const d = value.charAt(j);
          if (d === ' ' || d === '\t') continue;
          if (d === '\r' || d === '\n') {
            joined = true;
            i = d === '\r' ? j + 1 : j;
            continue scan;
          }
          if (!inDouble && !inSingle && !literal) {
            if (d === esc) {
              out.take(i + 1, i + 2);
              i = i + 1;
            } else {
              out.take(i + 1, i + 2);
              out.take(j, j + 1);
              i = j;
            }
            continue scan;
          }
          break;
        }
      }
      if (inDouble) {
        if (next === '\r') {
          joined = true;
          i += 2;
        } else if (next === '\n') {
          joined = true;
          i++;
        } else if (next !== '"') {
          if (next === esc) i++;
          out.take(i, i + 1);
        }
      } else if (inSingle || literal) {
        if (next === '\r') {
          joined = true;
          i += 2;
        } else if (next === '\n') {
          joined = true;
          i++;
        } else out.take(i, i + 1);
      } else if (next === esc) {
        out.take(i, i + 1);
        i++;
      } else if (next === '\r') {
        joined = true;
        i += 2;
      } else if (next === '\n') {
        joined = true;
        i++;
      } else {
        out.take(i + 1, i + 2);
        i++;
      }
      continue;
    }
    switch (c) {
      case ' ':
      case '\t':
        if (joined && blankFrom === -1) blankFrom = i;
        out.take(i, i + 1);
        continue;
      case '\r':
      case '\n':
        if (c === '\r') i++;
        if (joined && blankFrom !== -1) {
          out.dropLast(i - blankFrom - 1);
          blankFrom = -1;
        }
        continue;
      case '#':
        if (joined) {
          if (blankFrom !== -1) {
            out.dropLast(i - blankFrom);
            blankFrom = -1;
          }
          const j = nextBreak(i + 1);
          if (j !== -1) i = value.charAt(j) === '\r' ? j + 1 : j;
          continue;
        }
        break;
    }
    if (joined) {
      joined = false;
      blankFrom = -1;
    }
    out.take(i, i + 1);
  }
  return out.toString();
}
