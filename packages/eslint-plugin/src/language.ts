import { parseDockerfile, visitorKeys, type DockerfileNode, type DockerfileSyntaxNode } from '@dockerfile-opt/core';
import type { File, Language, LanguageOptions, OkParseResult, ParseResult } from '@eslint/core';
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
   * Synchronous, as ESLint requires. A fatal error (an unknown instruction, which Docker rejects)
   * becomes ESLint's `Parsing error`, and then no rule runs on the file.
   */
  parse(file: File): ParseResult<DockerfileNode> {
    // ESLint strips the BOM from `body` (and puts it back when it writes fixes).
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const root = parseDockerfile(text);
    const fatal = root.errors.filter((e) => e.fatal);
    if (fatal.length > 0) {
      return {
        ok: false,
        errors: fatal.map((e) => ({
          message: e.message,
          line: e.loc.start.line,
          column: e.loc.start.column,
          endLine: e.loc.end.line,
          endColumn: e.loc.end.column,
        })),
      };
    }
    return { ok: true, ast: root };
  }

  createSourceCode(_file: File, input: OkParseResult<DockerfileNode>): DockerfileSourceCode {
    return new DockerfileSourceCode(input.ast);
  }
}
