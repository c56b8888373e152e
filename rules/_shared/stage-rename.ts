import type { DockerfileModel, Stage, TextEdit } from '@dockerfile-opt/core';

/**
 * Edits that rename `stage` to `newName` at its definition and at every reference to it
 * (`FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=from=<stage>`). References by index keep
 * working and are left alone. A reference through a variable (`--from=${STAGE}`) cannot be renamed
 * by a text edit: it is left alone when `variableRefsStillMatch` (a change of case only, since
 * stage names compare case-insensitively), else the rename is impossible and the result is null.
 */
export function renameStageEdits(model: DockerfileModel, stage: Stage, newName: string, variableRefsStillMatch = false): TextEdit[] | null {
  const definition = stage.from.stageName;
  if (!definition) return null;
  const edits: TextEdit[] = [{ range: definition.range, text: newName }];
  for (const ref of model.refs) {
    if (ref.target !== stage || /^\d+$/.test(ref.text)) continue;
    if (ref.text.toLowerCase() !== stage.name) {
      if (variableRefsStillMatch) continue;
      return null;
    }
    if (model.root.text.slice(ref.range[0], ref.range[1]) !== newName) edits.push({ range: ref.range, text: newName });
  }
  return edits;
}
