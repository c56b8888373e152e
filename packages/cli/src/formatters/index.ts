import type { RuleMeta } from '@dockerfile-opt/core';
import type { LintResult } from '../types.js';

export interface FormatterContext {
  /** Paths are shown relative to this directory when they are below it. */
  cwd: string;
  /** Use ANSI colours. */
  color: boolean;
  /** Metadata of every rule, by id. */
  rulesMeta: Record<string, RuleMeta>;
}

/** Turns results into the text the CLI prints (an empty string prints nothing). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/**
 * A formatter that takes the results as they come and gives its text in pieces which, joined, are
 * exactly what the formatter returns for the same results.
 */
export type StreamingFormatter = (results: AsyncIterable<LintResult>, context: FormatterContext) => AsyncIterable<string>;

interface FormatterModule {
  default: Formatter;
  /** Optional, for formats that can be written before the last result (their reports get big). */
  stream?: StreamingFormatter;
}

/**
 * The formats `--format` accepts. Each lives in its own module, loaded only when used; to add
 * one, write `formatters/<name>.ts` with a default export and add a line here.
 */
const registry: Record<string, () => Promise<FormatterModule>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  checkstyle: () => import('./checkstyle.js'),
  junit: () => import('./junit.js'),
  github: () => import('./github.js'),
  gitlab: () => import('./gitlab.js'),
};

export const formatterNames: readonly string[] = Object.keys(registry);

/** The formatter called `name`, or null when there is none. */
export async function loadFormatter(name: string): Promise<Formatter | null> {
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  return load ? (await load()).default : null;
}

/** The formatter called `name` as a streaming one (the whole text at the end when it has no streaming form), or null. */
export async function loadStreamingFormatter(name: string): Promise<StreamingFormatter | null> {
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!load) return null;
  const module = await load();
  return module.stream ?? wholeText(module.default);
}

function wholeText(format: Formatter): StreamingFormatter {
  return async function* (results, context) {
    const all: LintResult[] = [];
    for await (const result of results) all.push(result);
    yield format(all, context);
  };
}
