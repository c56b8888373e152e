import { readFileSync } from 'node:fs';

/** Set by the bundler (scripts/bundle.mjs): the bundle has no package.json beside it. */
declare const DOCKERFILE_OPT_VERSION: string | undefined;

/** This package's version. */
export function toolVersion(): string {
  if (typeof DOCKERFILE_OPT_VERSION === 'string') return DOCKERFILE_OPT_VERSION;
  // src/version.ts and dist/version.js both sit one level below the package root.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
