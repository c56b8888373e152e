import { parseDockerfile, visitorKeys, type DockerfileNode, type DockerfileSyntaxNode } from '@dockerfile-opt/core';
import type { File, Language, LanguageOptions, OkParseResult } from '@eslint/core';
import { DockerfileSourceCode } from './source-code.js';

/** The language id users write in their config: `language: "dockerfile-opt/dockerfile"`. */
export const LANGUAGE_ID = 'dockerfile-opt/dockerfile';

/** ESLint's Dockerfile language: our parser, 1-based lines and columns, offsets for fixes. */
export class DockerfileLanguage
  implements Language<{ LangOptions: LanguageOptions; Code: DockerfileSourceCode; RootNode: DockerfileNode; Node: DockerfileSyntaxNode }>
{
  readonly fileType = 'text';
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions: LanguageOptions = {};

  validateLanguageOptions(options: LanguageOptions): void {
    const keys = Object.keys(options);
    if (keys.length > 0) throw new Error(`Unknown Dockerfile language option(s): ${keys.join(', ')}`);
  }

  /**
   * Synchronous, as ESLint requires. Our parser never fails: its errors (an unknown instruction,
   * which Docker rejects) are reported by the source code, and the rules still run, as in the
   * dockerfile-opt CLI, so that `unknown-instruction` can offer the keyword that was meant.
   */
  parse(file: File): OkParseResult<DockerfileNode> {
    // ESLint strips the BOM from `body` (and puts it back when it writes fixes).
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return { ok: true, ast: parseDockerfile(text) };
  }

  createSourceCode(_file: File, input: OkParseResult<DockerfileNode>): DockerfileSourceCode {
    return new DockerfileSourceCode(input.ast);
  }
}
