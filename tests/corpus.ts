import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared real-world corpora, beside the repository (`../shared/corpus*`). */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../shared/corpus');
export const TEMPLATES_DIR = resolve(import.meta.dirname, '../../shared/corpus-templates');

/** Fail clearly (never pass silently) when a corpus is not where CI puts it. */
export function requireDir(dir: string): void {
  if (!existsSync(dir)) throw new Error(`The shared corpus is missing: expected it at ${dir} (CI lays out shared/ beside the checkout).`);
}

/** Every file listed in a corpus's MANIFEST.tsv (first column), with its text. */
export function manifestFiles(dir: string): Array<{ path: string; text: string }> {
  requireDir(dir);
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.map((line) => {
    const rel = line.split('\t')[0] as string;
    return { path: join(dir, rel), text: readFileSync(join(dir, rel), 'utf8') };
  });
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}
