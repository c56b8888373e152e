import type { RuleDefinition } from '@dockerfile-opt/core';
import stageNameCasing from './stage-name-casing/index.js';
import reservedStageName from './reserved-stage-name/index.js';
import duplicateStageName from './duplicate-stage-name/index.js';
import imageLatestTag from './image-latest-tag/index.js';
import untaggedImage from './untagged-image/index.js';
import aptGetYes from './apt-get-yes/index.js';
import aptNoInstallRecommends from './apt-no-install-recommends/index.js';
import copyFromMissingArtifact from './copy-from-missing-artifact/index.js';
import fromAsCasing from './from-as-casing/index.js';
import instructionCasing from './instruction-casing/index.js';
import maintainerDeprecated from './maintainer-deprecated/index.js';
import workdirRelative from './workdir-relative/index.js';

/** Every rule, sorted by id. */
export const rules: RuleDefinition[] = [
  stageNameCasing,
  reservedStageName,
  duplicateStageName,
  imageLatestTag,
  untaggedImage,
  aptGetYes,
  aptNoInstallRecommends,
  copyFromMissingArtifact,
  fromAsCasing,
  instructionCasing,
  maintainerDeprecated,
  workdirRelative,
].sort((a, b) => a.id.localeCompare(b.id)) as RuleDefinition[];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(rules.map((r) => [r.id, r]));

export default rules;
