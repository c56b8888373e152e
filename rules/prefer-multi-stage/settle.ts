import { fixWithRules, type Range } from '@dockerfile-opt/core';
import layerCacheOrder from '../layer-cache-order/index.js';

export interface WholeTailEdit {
  /** From the final stage to the end of the file. */
  range: Range;
  text: string;
}

/**
 * Put the new stages in the order `layer-cache-order` wants (manifests and installs first, files
 * that change often last) by applying that rule's own fixes to the rewritten text: the two rules
 * then never disagree, and a second lint finds nothing to move. Earlier stages are not this fix's
 * business: when the order fixes reach into them, the plain rewrite is kept.
 */
export function settleLayerOrder(text: string, edit: WholeTailEdit, readContextFile: ((path: string) => string | null) | undefined): WholeTailEdit {
  const prefix = text.slice(0, edit.range[0]);
  const config = { extends: 'none' as const, rules: { [layerCacheOrder.id]: 'warn' as const } };
  const settled = fixWithRules(prefix + edit.text, [layerCacheOrder], { config, unsafe: true, readContextFile }).output;
  return settled.startsWith(prefix) ? { range: edit.range, text: settled.slice(prefix.length) } : edit;
}
