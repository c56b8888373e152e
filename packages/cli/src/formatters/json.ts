import type { LintResult } from '../types.js';
import type { Formatter } from './index.js';

/** ESLint's `json` format: the results array, as is. */
const json: Formatter = (results) => JSON.stringify(results);

/**
 * The same text as `json`, one result at a time: a report of thousands of files is never held as
 * one string (nor as one buffer to write it).
 */
export function* pieces(results: readonly LintResult[]): Iterable<string> {
  yield '[';
  for (let i = 0; i < results.length; i++) yield `${i === 0 ? '' : ','}${JSON.stringify(results[i])}`;
  yield ']';
}

export default json;
