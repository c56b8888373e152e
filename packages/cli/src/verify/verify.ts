import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { BuildResult, Builder, ImageFile, ImageInfo, RunResult } from './builder.js';
import { removeInside } from './temp.js';

export interface VerifyOptions {
  builder: Builder;
  /** The Dockerfile as written, and after the fixes. */
  original: string;
  fixed: string;
  /** The build context; it is copied, so the edit never touches the user's files. */
  context: string;
  /** The source file to edit between the cold build and the rebuild, relative to the context. */
  touch: string;
  /** Run both images' ENTRYPOINT + CMD and compare what they print (or what `probeUrl` answers). */
  run?: { timeoutMs: number; probeUrl?: string };
  /** The original final stage's base image: files it already has are not the app's. */
  baseImage?: string;
  /** Prefix of the image names the builds are tagged with. */
  tagPrefix?: string;
  /** Keep the two images (named in the report's `tags`) for the caller to inspect and remove. */
  keepImages?: boolean;
}

export interface SideReport {
  build: BuildResult;
  image: ImageInfo | null;
  rebuild: BuildResult | null;
  run: RunResult | null;
}

export interface VerifyReport {
  touched: string;
  /** The images' names; they exist after the call only with `keepImages`. */
  tags: { original: string; fixed: string };
  original: SideReport;
  fixed: SideReport;
  /** Null when `run` was not asked for or a side did not build. */
  sameOutput: boolean | null;
  /**
   * Files the original build added to its base image that the fixed image lacks or holds with
   * other content. Null when a side did not build.
   */
  runtimeFiles: { missing: string[]; changed: string[] } | null;
}

/**
 * Build the original and the fixed Dockerfile in the same context, edit one source file, rebuild
 * both, and compare size, layers, timings, cache reuse, output and files.
 */
export async function verifyRewrite(options: VerifyOptions): Promise<VerifyReport> {
  const { builder } = options;
  const work = await mkdtemp(join(tmpdir(), 'dockerfile-opt-verify-'));
  const prefix = options.tagPrefix ?? `localhost/dockerfile-opt-verify/${work.slice(-6).toLowerCase()}`;
  const tags = { original: `${prefix}-original`, fixed: `${prefix}-fixed` };
  try {
    const context = join(work, 'context');
    await cp(options.context, context, { recursive: true });
    const dockerfiles = { original: join(work, 'original.Dockerfile'), fixed: join(work, 'fixed.Dockerfile') };
    await writeFile(dockerfiles.original, options.original);
    await writeFile(dockerfiles.fixed, options.fixed);

    const sides = { original: await coldBuild('original'), fixed: await coldBuild('fixed') };
    async function coldBuild(side: 'original' | 'fixed'): Promise<SideReport> {
      const build = await builder.build({ dockerfile: dockerfiles[side], context, tag: tags[side], noCache: true });
      const image = build.ok ? await builder.inspect(tags[side]) : null;
      return { build, image, rebuild: null, run: null };
    }
    const bothBuilt = sides.original.image !== null && sides.fixed.image !== null;

    let sameOutput: boolean | null = null;
    if (options.run && bothBuilt) {
      sides.original.run = await builder.run(tags.original, options.run);
      sides.fixed.run = await builder.run(tags.fixed, options.run);
      sameOutput = sides.original.run.output === sides.fixed.run.output && sides.original.run.exitCode === sides.fixed.run.exitCode;
    }
    const runtimeFiles = bothBuilt ? await compareFiles(builder, tags.original, tags.fixed, options.baseImage) : null;

    // Each side gets its own edit, unique to this run: the cache is shared and content-based, so
    // the second rebuild would otherwise reuse the first one's layers wherever the two Dockerfiles
    // agree, and any rebuild the layers of an earlier run's.
    const touched = join(context, options.touch);
    const source = await readFile(touched, 'utf8');
    for (const side of ['original', 'fixed'] as const) {
      if (!sides[side].image) continue;
      await writeFile(touched, editedSource(touched, source, `${side} rebuild (${basename(work)})`));
      sides[side].rebuild = await builder.build({ dockerfile: dockerfiles[side], context, tag: tags[side] });
    }
    return { touched: options.touch, tags, ...sides, sameOutput, runtimeFiles };
  } finally {
    if (!options.keepImages) for (const tag of Object.values(tags)) await builder.removeImage(tag);
    await removeInside(tmpdir(), work);
  }
}

async function compareFiles(builder: Builder, original: string, fixed: string, baseImage: string | undefined) {
  const before = await builder.files(original);
  const after = await builder.files(fixed);
  let base = new Map<string, ImageFile>();
  if (baseImage !== undefined) {
    try {
      base = await builder.files(baseImage);
    } catch {
      // Without the base image every file of the original counts as the app's.
    }
  }
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [path, file] of before) {
    if (base.get(path)?.digest === file.digest) continue;
    const other = after.get(path);
    if (!other) missing.push(path);
    else if (other.digest !== file.digest) changed.push(path);
  }
  return { missing: missing.sort(), changed: changed.sort() };
}

/** Comment syntax per source extension, so that the edited file still compiles. */
const COMMENTS: Record<string, (text: string) => string> = {
  '.go': (t) => `// ${t}`, '.rs': (t) => `// ${t}`, '.js': (t) => `// ${t}`, '.mjs': (t) => `// ${t}`, '.cjs': (t) => `// ${t}`,
  '.ts': (t) => `// ${t}`, '.java': (t) => `// ${t}`, '.kt': (t) => `// ${t}`, '.cs': (t) => `// ${t}`, '.c': (t) => `/* ${t} */`,
  '.cc': (t) => `// ${t}`, '.cpp': (t) => `// ${t}`, '.h': (t) => `/* ${t} */`, '.swift': (t) => `// ${t}`, '.scala': (t) => `// ${t}`,
  '.py': (t) => `# ${t}`, '.rb': (t) => `# ${t}`, '.php': (t) => `// ${t}`, '.sh': (t) => `# ${t}`, '.pl': (t) => `# ${t}`,
  '.ex': (t) => `# ${t}`, '.exs': (t) => `# ${t}`, '.html': (t) => `<!-- ${t} -->`, '.css': (t) => `/* ${t} */`,
};

/** The source with a comment naming `edit` appended (for an unknown language, a line of spaces as long). */
function editedSource(path: string, source: string, edit: string): string {
  const comment = COMMENTS[extname(path)];
  return `${source}\n${comment ? comment(`edited by dockerfile-opt verify before the ${edit}`) : ' '.repeat(edit.length)}\n`;
}

/** Directories that hold dependencies or tooling, never the app's own source. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'target', 'dist', 'build', 'vendor', '.venv', 'venv', '__pycache__', 'bin', 'obj']);

/**
 * The file to edit when `--touch` is not given: a source file of the app (by extension), the kind
 * of file a layer-cache rewrite treats as volatile. Files under `src/` first, then shallower ones,
 * then by name. Null when the context has none.
 */
export async function defaultTouch(context: string): Promise<string | null> {
  const candidates: string[] = [];
  const visit = async (relative: string, depth: number): Promise<void> => {
    if (depth > 6) return;
    const entries = await readdir(join(context, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await visit(path, depth + 1);
      else if (entry.isFile() && extname(entry.name) in COMMENTS && extname(entry.name) !== '.html' && extname(entry.name) !== '.css') candidates.push(path);
    }
  };
  await visit('', 0);
  const rank = (path: string) => [/(^|\/)src\//.test(path) ? 0 : 1, path.split('/').length] as const;
  candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || (a < b ? -1 : a > b ? 1 : 0);
  });
  return candidates[0] ?? null;
}
