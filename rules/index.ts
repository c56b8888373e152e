import type { RuleDefinition } from '@dockerfile-opt/core';
import updateWithoutInstall from './update-without-install/index.js';
import verificationDisabled from './verification-disabled/index.js';
import noChpasswd from './no-chpasswd/index.js';
import consecutiveRun from './consecutive-run/index.js';
import wgetAndCurl from './wget-and-curl/index.js';
import shellSymlink from './shell-symlink/index.js';
import pipefail from './pipefail/index.js';
import invalidImageReference from './invalid-image-reference/index.js';
import pinPackageVersions from './pin-package-versions/index.js';
import packageCacheCleanup from './package-cache-cleanup/index.js';
import nonInteractiveInstall from './non-interactive-install/index.js';
import preferAptGet from './prefer-apt-get/index.js';
import zypperDistUpgrade from './zypper-dist-upgrade/index.js';
import pointlessCommands from './pointless-commands/index.js';
import preferWorkdir from './prefer-workdir/index.js';
import noSudo from './no-sudo/index.js';
import useraddNoLogInit from './useradd-no-log-init/index.js';
import wgetProgress from './wget-progress/index.js';
import stopsignalValid from './stopsignal-valid/index.js';
import directiveSyntax from './directive-syntax/index.js';
import healthcheckOptions from './healthcheck-options/index.js';
import instructionFlags from './instruction-flags/index.js';
import argumentCount from './argument-count/index.js';
import unknownInstruction from './unknown-instruction/index.js';
import definitionDescription from './definition-description/index.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from/index.js';
import undefinedVar from './undefined-var/index.js';
import undefinedArgInFrom from './undefined-arg-in-from/index.js';
import shellExecForm from './shell-exec-form/index.js';
import jsonSingleQuotes from './json-single-quotes/index.js';
import noEmptyContinuation from './no-empty-continuation/index.js';
import allowedRegistries from './allowed-registries/index.js';
import cmdExecForm from './cmd-exec-form/index.js';
import fromFirst from './from-first/index.js';
import onbuildInvalidTrigger from './onbuild-invalid-trigger/index.js';
import multipleCmdEntrypointHealthcheck from './multiple-cmd-entrypoint-healthcheck/index.js';
import copyFromWholeFilesystem from './copy-from-whole-filesystem/index.js';
import fromPlatformFlag from './from-platform-flag/index.js';
import redundantTargetPlatform from './redundant-target-platform/index.js';
import stageNameCasing from './stage-name-casing/index.js';
import reservedStageName from './reserved-stage-name/index.js';
import duplicateStageName from './duplicate-stage-name/index.js';
import imageLatestTag from './image-latest-tag/index.js';
import untaggedImage from './untagged-image/index.js';
import aptGetYes from './apt-get-yes/index.js';
import aptNoInstallRecommends from './apt-no-install-recommends/index.js';
import copyFromMissingArtifact from './copy-from-missing-artifact/index.js';
import cmdMissingExecutable from './cmd-missing-executable/index.js';
import copyThenChmod from './copy-then-chmod/index.js';
import unusedStage from './unused-stage/index.js';
import fromAsCasing from './from-as-casing/index.js';
import instructionCasing from './instruction-casing/index.js';
import layerCacheOrder from './layer-cache-order/index.js';
import maintainerDeprecated from './maintainer-deprecated/index.js';
import workdirRelative from './workdir-relative/index.js';
import finalUserRoot from './final-user-root/index.js';
import copyThenExtractArchive from './copy-then-extract-archive/index.js';
import exposePortRange from './expose-port-range/index.js';
import preferCopyOverAdd from './prefer-copy-over-add/index.js';
import copyDestDirSlash from './copy-dest-dir-slash/index.js';
import envSelfReference from './env-self-reference/index.js';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir/index.js';
import labelSchema from './label-schema/index.js';
import labelKeyInvalid from './label-key-invalid/index.js';
import healthcheckMissing from './healthcheck-missing/index.js';
import secretInArgOrEnv from './secret-in-arg-or-env/index.js';
import userNonNumeric from './user-non-numeric/index.js';
import inlineIgnorePragma from './inline-ignore-pragma/index.js';
import legacyKeyValueFormat from './legacy-key-value-format/index.js';
import exposeProtocol from './expose-protocol/index.js';
import exposeHostPort from './expose-host-port/index.js';
import copyIgnoredFile from './copy-ignored-file/index.js';
import workdirUnescapedSpaces from './workdir-unescaped-spaces/index.js';
import exposeSshPort from './expose-ssh-port/index.js';
import keyValueSyntax from './key-value-syntax/index.js';
import workdirSystemDirectory from './workdir-system-directory/index.js';
import copySourceOutsideContext from './copy-source-outside-context/index.js';
import preferMultiStage from './prefer-multi-stage/index.js';

/** Every rule, sorted by id. */
export const rules: RuleDefinition[] = [
  updateWithoutInstall,
  verificationDisabled,
  noChpasswd,
  consecutiveRun,
  wgetAndCurl,
  shellSymlink,
  pipefail,
  invalidImageReference,
  pinPackageVersions,
  packageCacheCleanup,
  nonInteractiveInstall,
  preferAptGet,
  zypperDistUpgrade,
  pointlessCommands,
  preferWorkdir,
  noSudo,
  useraddNoLogInit,
  wgetProgress,
  stopsignalValid,
  directiveSyntax,
  healthcheckOptions,
  instructionFlags,
  argumentCount,
  unknownInstruction,
  definitionDescription,
  invalidDefaultArgInFrom,
  undefinedVar,
  undefinedArgInFrom,
  shellExecForm,
  jsonSingleQuotes,
  noEmptyContinuation,
  allowedRegistries,
  cmdExecForm,
  fromFirst,
  onbuildInvalidTrigger,
  multipleCmdEntrypointHealthcheck,
  copyFromWholeFilesystem,
  fromPlatformFlag,
  redundantTargetPlatform,
  stageNameCasing,
  reservedStageName,
  duplicateStageName,
  imageLatestTag,
  untaggedImage,
  aptGetYes,
  aptNoInstallRecommends,
  copyFromMissingArtifact,
  cmdMissingExecutable,
  copyThenChmod,
  unusedStage,
  fromAsCasing,
  instructionCasing,
  layerCacheOrder,
  maintainerDeprecated,
  workdirRelative,
  finalUserRoot,
  copyThenExtractArchive,
  exposePortRange,
  preferCopyOverAdd,
  copyDestDirSlash,
  envSelfReference,
  copyRelativeDestWithoutWorkdir,
  labelSchema,
  labelKeyInvalid,
  healthcheckMissing,
  secretInArgOrEnv,
  userNonNumeric,
  inlineIgnorePragma,
  legacyKeyValueFormat,
  exposeProtocol,
  exposeHostPort,
  copyIgnoredFile,
  workdirUnescapedSpaces,
  exposeSshPort,
  keyValueSyntax,
  workdirSystemDirectory,
  copySourceOutsideContext,
  preferMultiStage,
].sort((a, b) => a.id.localeCompare(b.id));

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(rules.map((r) => [r.id, r]));

export default rules;
