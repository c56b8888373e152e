import {
  collectIgnores,
  DockerfileModel,
  PositionMapper,
  visitorKeys,
  type CommentNode,
  type DockerfileNode,
  type DockerfileSyntaxNode,
  type IgnoreDirective,
} from '@dockerfile-opt/core';
import type { FileProblem, LanguageOptions, RulesConfig } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep, type DirectiveType } from '@eslint/plugin-kit';

const commentParser = new ConfigCommentParser();

/** `# eslint-disable…`, `# eslint-enable` and `# eslint rule: …` comments. */
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
const DISABLE_LABELS: ReadonlySet<string> = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

interface InlineConfig {
  loc: CommentNode['loc'];
  config: { rules: RulesConfig };
}

/** ESLint's view of one Dockerfile: the core AST, plus the model and ignores shared by all rules. */
export class DockerfileSourceCode extends TextSourceCodeBase<{
  LangOptions: LanguageOptions;
  RootNode: DockerfileNode;
  SyntaxElementWithLoc: DockerfileSyntaxNode;
  ConfigNode: CommentNode;
}> {
  declare ast: DockerfileNode;
  readonly visitorKeys = visitorKeys;
  /** Every comment: top-level ones and those inside an instruction's continuation lines. */
  readonly comments: CommentNode[];
  readonly positions: PositionMapper;
  #parents = new WeakMap<DockerfileSyntaxNode, DockerfileSyntaxNode>();
  #steps: VisitNodeStep[] | undefined;
  #model: DockerfileModel | undefined;
  #ignores: IgnoreDirective[] | undefined;

  constructor(ast: DockerfileNode) {
    // The same line splitting as the core parser (and dockerfile-ast): \r\n, \r or \n.
    super({ text: ast.text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.comments = [...ast.comments, ...ast.instructions.flatMap((i) => i.innerComments)].sort((a, b) => a.range[0] - b.range[0]);
    this.positions = new PositionMapper(ast.text);
  }

  /** Built on first use: one model per file, shared by every rule. */
  get model(): DockerfileModel {
    this.#model ??= new DockerfileModel(this.ast);
    return this.#model;
  }

  /** `# dockerfile-opt ignore=`, `# hadolint ignore=` and `# check=skip=` directives. */
  get ignores(): IgnoreDirective[] {
    this.#ignores ??= collectIgnores(this.ast);
    return this.#ignores;
  }

  override getParent(node: DockerfileSyntaxNode): DockerfileSyntaxNode | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  /** Enter and exit steps over `visitorKeys`; computed once and replayed for every rule. */
  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitNodeStep[] = [];
    const visit = (node: DockerfileSyntaxNode, parent: DockerfileSyntaxNode | undefined): void => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const key of visitorKeys[node.type] ?? []) {
        const children = (node as unknown as Record<string, DockerfileSyntaxNode[] | undefined>)[key] ?? [];
        for (const child of children) visit(child, node);
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  getInlineConfigNodes(): CommentNode[] {
    return this.comments.filter((c) => INLINE_CONFIG.test(c.value));
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || !DISABLE_LABELS.has(parsed.label)) continue;
      directives.push(
        new Directive({
          type: parsed.label.slice('eslint-'.length) as DirectiveType,
          node: comment,
          value: parsed.value,
          justification: parsed.justification,
        }),
      );
    }
    return { problems: [], directives };
  }

  /**
   * `# eslint dockerfile-opt/apt-get-yes: off` switches rules for the whole file. The parser's
   * errors come out here too: ESLint reports these problems as fatal errors without a rule, which
   * is how the dockerfile-opt CLI reports them (a language has no other channel for errors that do
   * not stop the rules).
   */
  applyInlineConfig(): { configs: InlineConfig[]; problems: FileProblem[] } {
    const configs: InlineConfig[] = [];
    const problems: FileProblem[] = this.ast.errors.map((e) => ({ ruleId: null, message: `Parsing error: ${e.message}`, loc: e.loc }));
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ loc: comment.loc, config: { rules: result.config } });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}
