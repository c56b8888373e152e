/** Docker Hub, however it is spelled. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The registry an image reference pulls from: its first path component when that looks like a
 * host (has a `.` or `:`, or is `localhost`), else Docker Hub (`docker.io`).
 */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash === -1) return 'docker.io';
  const first = image.slice(0, slash);
  if (!/[.:]/.test(first) && first !== 'localhost') return 'docker.io';
  return normalizeRegistry(first);
}

/** A registry host in the form `registryOf` returns: lower case, Docker Hub's aliases as `docker.io`. */
export function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB.has(lower) ? 'docker.io' : lower;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/** Whether `image` is a well-formed image reference (the grammar of distribution/reference). */
export function isValidImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

/** Where the tag sits in an image reference written literally: `[start, end)` within `image`, or null. */
export function tagRangeIn(image: string): [number, number] | null {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon === -1 || colon < name.lastIndexOf('/')) return null;
  return [colon + 1, name.length];
}
