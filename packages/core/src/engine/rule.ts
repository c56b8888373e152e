import type {
  ArgumentNode,
  CommentNode,
  DirectiveNode,
  DockerfileNode,
  FlagNode,
  FromNode,
  HeredocNode,
  InstructionNode,
  OnbuildNode,
  PlainInstructionNode,
  PropertyInstructionNode,
} from '../parse/ast.js';
import type { Range, Span } from '../parse/location.js';
import type { DockerfileModel } from '../model/model.js';
import type { JsonSchema } from './schema.js';

export type Category = 'correctness' | 'performance' | 'security' | 'maintainability' | 'style';
export type Severity = 'off' | 'warn' | 'error';
export type FixSafety = 'safe' | 'unsafe';

export interface RuleMeta {
  category: Category;
  /** Severity when the rule is on and the config does not say otherwise. */
  severity: Exclude<Severity, 'off'>;
  recommended: boolean;
  fixable: 'none' | 'sometimes' | 'always';
  fixSafety?: FixSafety;
  /** hadolint codes (`DL3008`) and BuildKit check names (`JSONArgsRecommended`) this rule covers. */
  sources?: string[];
  /** One line for docs and `dockerfile-opt rules`. */
  description: string;
  messages: Record<string, string>;
  /** JSON schemas of the positional options, as in ESLint. */
  schema?: JsonSchema[];
  defaultOptions?: unknown[];
  /** Documentation URL; filled in from the rule id when absent. */
  docs?: string;
}

export interface TextEdit {
  range: Range;
  text: string;
}

export interface FixDescriptor {
  /** Shown for suggestions and in editors. */
  description?: string;
  /** Defaults to the rule's `meta.fixSafety` (or `safe`). */
  safety?: FixSafety;
  edits: TextEdit[];
  /** A whole-file rewrite: applied only in a pass where no other fix applies. */
  late?: boolean;
}

export interface ReportDescriptor {
  /** The smallest token the finding is about. */
  node?: Span;
  range?: Range;
  messageId?: string;
  message?: string;
  data?: Record<string, string | number>;
  fix?: FixDescriptor | null;
  /** Alternative fixes; in editors these are offered as quick fixes. */
  suggest?: FixDescriptor[];
  /**
   * The codes of `meta.sources` this finding stands for, when a rule covers several (hadolint
   * DL4003 for a second CMD, DL4004 for a second ENTRYPOINT): an ignore pragma naming one of the
   * rule's other codes then leaves the finding alone. All of `meta.sources` when absent.
   */
  sources?: string[];
}

export interface RuleContext<Options extends unknown[] = unknown[]> {
  readonly id: string;
  readonly options: Options;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly root: DockerfileNode;
  /** The text being linted (without a BOM). */
  readonly text: string;
  /** The file's line break, for fixes that insert lines. */
  readonly eol: '\n' | '\r\n';
  readonly model: DockerfileModel;
  readonly filePath: string | undefined;
  /** Reads a file of the build context (relative to the Dockerfile's directory), when the host allows it. */
  readonly readContextFile: ((relativePath: string) => string | null) | undefined;
  report(descriptor: ReportDescriptor): void;
}

interface InstructionVisitors {
  FROM?: (node: FromNode) => void;
  ENV?: (node: PropertyInstructionNode) => void;
  LABEL?: (node: PropertyInstructionNode) => void;
  ARG?: (node: PropertyInstructionNode) => void;
  ONBUILD?: (node: OnbuildNode) => void;
  ADD?: (node: PlainInstructionNode) => void;
  CMD?: (node: PlainInstructionNode) => void;
  COPY?: (node: PlainInstructionNode) => void;
  ENTRYPOINT?: (node: PlainInstructionNode) => void;
  EXPOSE?: (node: PlainInstructionNode) => void;
  HEALTHCHECK?: (node: PlainInstructionNode) => void;
  MAINTAINER?: (node: PlainInstructionNode) => void;
  RUN?: (node: PlainInstructionNode) => void;
  SHELL?: (node: PlainInstructionNode) => void;
  STOPSIGNAL?: (node: PlainInstructionNode) => void;
  USER?: (node: PlainInstructionNode) => void;
  VOLUME?: (node: PlainInstructionNode) => void;
  WORKDIR?: (node: PlainInstructionNode) => void;
  /** An unknown instruction. */
  Instruction?: (node: PlainInstructionNode) => void;
}

export interface RuleVisitors extends InstructionVisitors {
  Dockerfile?: (node: DockerfileNode) => void;
  'Dockerfile:exit'?: (node: DockerfileNode) => void;
  /** Every instruction, whatever its keyword (before the keyword visitor). */
  '*'?: (node: InstructionNode) => void;
  Comment?: (node: CommentNode) => void;
  ParserDirective?: (node: DirectiveNode) => void;
  Flag?: (node: FlagNode, parent: InstructionNode) => void;
  Argument?: (node: ArgumentNode, parent: InstructionNode) => void;
  Heredoc?: (node: HeredocNode, parent: InstructionNode) => void;
}

export interface RuleDefinition<Options extends unknown[] = unknown[]> {
  id: string;
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleVisitors;
}

/** Identity helper that gives a rule its types. */
export function defineRule<Options extends unknown[] = unknown[]>(rule: RuleDefinition<Options>): RuleDefinition<Options> {
  return rule;
}

export const DOCS_BASE = 'https://github.com/dockerfile-opt/dockerfile-opt/blob/main/rules';

export function docsUrl(rule: Pick<RuleDefinition, 'id' | 'meta'>): string {
  return rule.meta.docs ?? `${DOCS_BASE}/${rule.id}/README.md`;
}
