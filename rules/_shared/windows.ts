import type { DockerfileModel, Stage } from '@dockerfile-opt/core';

const WINDOWS_IMAGE = /(^|[/:-])(windows|nanoserver|servercore|windowsservercore)([/:-]|$)/i;

/**
 * Whether a stage runs on a Windows base image (its shell is then `cmd /S /C`): the image name
 * says so, or the file uses the backtick escape that Windows Dockerfiles use for paths.
 */
export function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  if (model.root.escapeChar === '`') return true;
  let current: Stage = stage;
  while (current.base.kind === 'stage') current = current.base.stage;
  return current.base.kind === 'image' && WINDOWS_IMAGE.test(current.base.image);
}
