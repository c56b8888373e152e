import type { Formatter } from './index.js';

/** ESLint's `json` format: the results array, as is. */
const json: Formatter = (results) => JSON.stringify(results);

export default json;
