import type { LintResult } from '../types.js';
import type { Formatter } from './index.js';

/** ESLint's `json` format: the results array, as is. */
const json: Formatter = (results) => JSON.stringify(results);

/**
 * The same text as `json`, a result at a time as they come: a report of thousands of files is
 * never held as results, nor as one string.
 */
export async function* stream(results: AsyncIterable<LintResult>): AsyncGenerator<string, void, undefined> {
  yield '[';
  let first = true;
  for await (const result of results) {
    yield `${first ? '' : ','}${JSON.stringify(result)}`;
    first = false;
  }
  yield ']';
}

export default json;
