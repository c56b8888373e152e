import {
  KEYWORD_SET,
  type ArgumentNode,
  type CommentNode,
  type FlagNode,
  type FlagOptionNode,
  type FromNode,
  type InstructionNode,
  type OnbuildNode,
  type PropertyInstructionNode,
  type PropertyNode,
} from './ast.js';
import { heredocNodes } from './heredocs.js';
import { imageRef } from './image.js';
import { propertiesOf, propertyWords } from './properties.js';
import type { Range } from './location.js';
import type { Extent, Source, Word } from './source.js';
import { heredocsEnd, logicalText, scanWords } from './words.js';

/** Where flag parsing stops: at the first word without `--` (FROM, ADD, COPY, RUN), at CMD/NONE (HEALTHCHECK). */
const FLAG_STOP: Record<string, (value: string) => boolean> = {
  FROM: (v) => !v.includes('--'),
  ADD: (v) => !v.includes('--'),
  COPY: (v) => !v.includes('--'),
  RUN: (v) => !v.includes('--'),
  HEALTHCHECK: (v) => {
    const upper = v.toUpperCase();
    return upper === 'CMD' || upper === 'NONE';
  },
  CMD: () => true,
  ENTRYPOINT: () => true,
  SHELL: () => true,
  VOLUME: () => true,
};

/** The words of an instruction that can be flags (`--name[=value]`), before its other arguments. */
function flagWords(keyword: string, words: readonly Word[]): Word[] {
  const stop = FLAG_STOP[keyword];
  const flags: Word[] = [];
  if (!stop) return flags;
  for (const w of words) {
    if (stop(w.value)) break;
    if (w.value.startsWith('--')) flags.push(w);
  }
  return flags;
}

/** An instruction's words with as many leading words dropped as it has flags (the same list when none: not copied). */
function argumentWords(keyword: string, words: readonly Word[]): { flags: Word[]; args: readonly Word[] } {
  const flags = flagWords(keyword, words);
  return { flags, args: flags.length > 0 ? words.slice(flags.length) : words };
}

/** The end of an instruction whose first line ends at `x.end`, past its heredoc bodies (RUN, COPY, ADD, also as ONBUILD triggers). */
export function instructionEnd(src: Source, x: Extent): number {
  let extent: Extent | null = x;
  let keyword = x.word.toUpperCase();
  if (keyword === 'ONBUILD') {
    extent = triggerExtent(src, x, src.wordsOf(x, scanWords));
    if (!extent) return x.end;
    keyword = extent.word.toUpperCase();
  }
  if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return x.end;
  return heredocsEnd(src, argumentWords(keyword, src.wordsOf(extent, scanWords)).args, x.end);
}

function triggerExtent(src: Source, x: Extent, words: readonly Word[]): Extent | null {
  const first = words[0];
  if (!first) return null;
  return { start: first.start, keywordEnd: first.end, end: x.end, word: src.between(first.start, first.end) };
}

export function buildInstruction(src: Source, x: Extent, index: number, parent: InstructionNode | null): InstructionNode {
  const keyword = x.word.toUpperCase();
  const keywordToken = src.token(x.start, x.keywordEnd, keyword);
  const words = src.wordsOf(x, scanWords);
  const split = argumentWords(keyword, words);
  const heredocs = heredocNodes(src, x, split.args);
  let firstBody = Infinity;
  for (const h of heredocs) firstBody = Math.min(firstBody, h.contentRange?.[0] ?? lineAfter(src, h.nameToken.range[1], h.range[1]));
  const flags = split.flags.map((w) => flagNode(src, w));
  const afterFlags = flags.length > 0 ? (flags[flags.length - 1] as FlagNode).range[1] : keywordToken.range[1];
  const args: ArgumentNode[] = [];
  for (const w of split.args) {
    if (w.start >= afterFlags && w.start < firstBody) {
      const s = src.at(w.start);
      const e = src.at(w.end);
      const text = src.text.slice(s, e);
      args.push({ type: 'Argument', text, value: w.value, range: [s, e], loc: src.pm.loc(s, e) });
    }
  }
  const firstArg = split.args[0];
  const lastArg = split.args[split.args.length - 1];
  const bodyRange: Range | null = args.length > 0 ? [(args[0] as ArgumentNode).range[0], (args[args.length - 1] as ArgumentNode).range[1]] : null;
  // Exec form starts with `[`; the join is only needed when the body could start with one.
  const lead = bodyRange && heredocs.length === 0 ? src.text.charAt(bodyRange[0]) : '';
  const body = lead === '[' || lead === '\\' || /\s/.test(lead) ? joinContinuations(src.text.slice((bodyRange as Range)[0], (bodyRange as Range)[1])) : '';
  const start = src.at(x.start);
  const end = src.at(x.end);
  const node = {
    type: (KEYWORD_SET.has(keyword) ? keyword : 'Instruction') as InstructionNode['type'],
    index,
    keyword,
    keywordToken,
    flags,
    args,
    argsText: firstArg && lastArg ? logicalText(src, firstArg, lastArg) : '',
    argsRange: firstArg && lastArg ? src.range(firstArg.start, lastArg.end) : null,
    bodyRange,
    heredocs,
    execForm: heredocs.length === 0 ? execForm(body) : null,
    innerComments: [] as CommentNode[],
    onbuildParent: parent,
    range: [start, end] as Range,
    loc: src.pm.loc(start, end),
  };
  switch (keyword) {
    case 'FROM': {
      const from = node as unknown as FromNode;
      const image = firstArg ? imageRef(src, firstArg) : null;
      const stage = split.args.length > 2 && (split.args[1] as Word).value.toUpperCase() === 'AS' ? (split.args[2] as Word) : null;
      from.image = image;
      from.stageName = stage ? src.token(stage.start, stage.end, src.between(stage.start, stage.end)) : null;
      const asIndex = args.findIndex((a) => a.value.toUpperCase() === 'AS');
      from.asKeyword = from.stageName && asIndex > 0 ? (args[asIndex] as ArgumentNode) : null;
      return from;
    }
    case 'ENV':
    case 'LABEL':
    case 'ARG': {
      const withProperties = node as unknown as PropertyInstructionNode;
      let properties = propertiesOf(src, propertyWords(src, x));
      // dockerfile-ast reads `ARG A B` as ENV's legacy `name value` form; ARG has no such form: it declares A and B
      if (keyword === 'ARG' && properties.some((p) => p.operator === null && p.value !== null)) properties = args.map((a) => argProperty(src, a));
      withProperties.properties = properties;
      return withProperties;
    }
    case 'ONBUILD': {
      const onbuild = node as unknown as OnbuildNode;
      const trigger = triggerExtent(src, x, words);
      onbuild.trigger = trigger ? buildInstruction(src, trigger, index, onbuild) : null;
      return onbuild;
    }
    default:
      return node as InstructionNode;
  }
}

/** The offset where the line after `offset` starts, or `fallback` when there is none. */
function lineAfter(src: Source, offset: number, fallback: number): number {
  const text = src.text;
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (c === 10) return i + 1;
  }
  return fallback;
}

/** `--name`, `--name=` or `--name=value` with comma-separated `key=value` options. */
function flagNode(src: Source, w: Word): FlagNode {
  const value = w.value;
  const raw = src.between(w.start, w.end);
  const nameIndex = value.indexOf('=');
  const index = raw.indexOf('=');
  let dashes = 0;
  let nameOffset = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '\\' || c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === '-' && dashes < 2) {
      dashes++;
      continue;
    }
    nameOffset = i;
    break;
  }
  const nameStart = w.start + nameOffset;
  let name: string;
  let nameEnd: number;
  let flagValue: string | null = null;
  let valueRange: [number, number] | null = null;
  if (index === -1) {
    name = value.substring(2);
    nameEnd = w.end;
  } else if (index === value.length - 1) {
    name = value.substring(2, index);
    nameEnd = w.start + index;
    flagValue = '';
    valueRange = [w.end, w.end];
  } else {
    name = value.substring(2, nameIndex);
    nameEnd = w.start + index;
    flagValue = value.substring(nameIndex + 1);
    valueRange = [w.start + index + 1, w.end];
  }
  const start = src.at(w.start);
  const dashed = src.text.lastIndexOf('--', start) === start - 2 ? start - 2 : start;
  return {
    type: 'Flag',
    name,
    value: flagValue,
    nameToken: src.token(nameStart, nameEnd, name),
    valueToken: valueRange ? src.token(valueRange[0], valueRange[1], flagValue ?? '') : null,
    options: flagValue !== null && valueRange ? flagOptions(src, flagValue, src.at(valueRange[0])) : [],
    ...src.span(dashed, src.at(w.end)),
  };
}

function flagOptions(src: Source, value: string, offset: number): FlagOptionNode[] {
  const options: FlagOptionNode[] = [];
  let nameStart = -1;
  let valueStart = -1;
  let hasOptions = false;
  const option = (end: number): FlagOptionNode => {
    const span = src.span(src.at(offset + nameStart), src.at(offset + end));
    if (valueStart === -1) return { name: value.substring(nameStart, end), value: null, nameRange: span.range, valueRange: null, ...span };
    return {
      name: value.substring(nameStart, valueStart - 1),
      value: value.substring(valueStart, end),
      nameRange: src.range(offset + nameStart, offset + valueStart - 1),
      valueRange: src.range(offset + valueStart, offset + end),
      ...span,
    };
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '=') {
      hasOptions = true;
      if (valueStart === -1) valueStart = i + 1;
    } else if (c === ',') {
      options.push(option(i));
      nameStart = -1;
      valueStart = -1;
    } else if (nameStart === -1) nameStart = i;
  }
  if (hasOptions && nameStart !== -1) options.push(option(value.length));
  return options;
}

/** One `NAME` or `NAME=value` word of an ARG as a property. */
function argProperty(src: Source, arg: ArgumentNode): PropertyNode {
  const eq = arg.text.indexOf('=');
  const [start, end] = arg.range;
  if (eq === -1) return { name: src.token(start, end), value: null, unescapedValue: null, operator: null, ...src.span(start, end) };
  const value = src.token(start + eq + 1, end);
  const quote = value.value.charAt(0);
  const quoted = value.value.length >= 2 && (quote === '"' || quote === "'") && value.value.endsWith(quote);
  return {
    name: src.token(start, start + eq),
    value,
    unescapedValue: quoted ? value.value.slice(1, -1) : value.value,
    operator: '=',
    ...src.span(start, end),
  };
}

/** Remove backslash/backtick line continuations and comment lines inside them, as Docker does. */
export function joinContinuations(text: string, escapeChar = '\\'): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (out.length > 0 && /^\s*#/.test(line)) continue;
    out.push(line.endsWith(escapeChar) ? line.slice(0, -1) : line);
  }
  return out.join('');
}

function execForm(body: string): string[] | null {
  const trimmed = body.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((x): x is string => typeof x === 'string')) return parsed;
  } catch {
    return null;
  }
  return null;
}

