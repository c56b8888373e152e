import type { RuleDefinition } from '@dockerfile-opt/core';
import aptGetYes from './apt-get-yes/index.js';
import aptNoInstallRecommends from './apt-no-install-recommends/index.js';
import fromAsCasing from './from-as-casing/index.js';
import instructionCasing from './instruction-casing/index.js';
import maintainerDeprecated from './maintainer-deprecated/index.js';
import workdirRelative from './workdir-relative/index.js';

/** Every rule, sorted by id. */
export const rules: RuleDefinition[] = [
  aptGetYes,
  aptNoInstallRecommends,
  fromAsCasing,
  instructionCasing,
  maintainerDeprecated,
  workdirRelative,
].sort((a, b) => a.id.localeCompare(b.id)) as RuleDefinition[];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(rules.map((r) => [r.id, r]));

export default rules;
