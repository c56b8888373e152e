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

/** A formatter's text in pieces that, joined, are exactly what the formatter returns. */
export type PiecewiseFormatter = (results: readonly LintResult[], context: FormatterContext) => Iterable<string>;

interface FormatterModule {
  default: Formatter;
  /** Optional: the same text in pieces, for formats whose reports get big. */
  pieces?: PiecewiseFormatter;
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

/** The formatter called `name` as a piecewise one (a single piece when it has no piecewise form), or null. */
export async function loadPiecewiseFormatter(name: string): Promise<PiecewiseFormatter | null> {
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!load) return null;
  const module = await load();
  return module.pieces ?? ((results, context) => [module.default(results, context)]);
}
