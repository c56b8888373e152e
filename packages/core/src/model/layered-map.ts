/**
 * An immutable map built as layers over a parent, so that every instruction can keep a snapshot of
 * the variables in force without copying them (a copy per instruction is quadratic on long files).
 *
 * The layers are kept smaller the nearer the top, like the digits of a binary counter: a new
 * layer that is as large as the one below it is merged into it (into a new map: layers are never
 * changed), and so on down. Each entry is then copied O(log n) times over n updates, and a
 * look-up walks O(log n) layers. (Flattening everything every few layers instead copied the whole
 * map each time: quadratic in a stage with thousands of ENV lines.)
 */
export class LayeredMap<V> implements ReadonlyMap<string, V> {
  #flat: Map<string, V> | undefined;

  private constructor(
    private readonly own: ReadonlyMap<string, V>,
    private readonly parent: LayeredMap<V> | null,
  ) {}

  static of<V>(entries: Iterable<readonly [string, V]> = []): LayeredMap<V> {
    return new LayeredMap(new Map(entries), null);
  }

  /** A new map with `updates` applied on top of this one. */
  with(updates: ReadonlyMap<string, V>): LayeredMap<V> {
    if (updates.size === 0) return this;
    return LayeredMap.stack(new Map(updates), this);
  }

  /** `own` on top of `below`, merged down while it is as large as the layer under it. */
  private static stack<V>(own: Map<string, V>, below: LayeredMap<V> | null): LayeredMap<V> {
    let top = own;
    let parent = below;
    while (parent && top.size >= parent.own.size) {
      const merged = new Map(parent.own);
      for (const [key, value] of top) merged.set(key, value);
      top = merged;
      parent = parent.parent;
    }
    return new LayeredMap(top, parent);
  }

  get(key: string): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.parent?.get(key);
  }

  has(key: string): boolean {
    return this.own.has(key) || (this.parent?.has(key) ?? false);
  }

  get size(): number {
    return this.flat().size;
  }

  entries(): MapIterator<[string, V]> {
    return this.flat().entries();
  }

  keys(): MapIterator<string> {
    return this.flat().keys();
  }

  values(): MapIterator<V> {
    return this.flat().values();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.flat().forEach((v, k) => callback(v, k, this));
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /** The merged map, computed once; parents are walked, not flattened themselves. */
  private flat(): Map<string, V> {
    this.#flat ??= LayeredMap.merge(this);
    return this.#flat;
  }

  private static merge<V>(top: LayeredMap<V>): Map<string, V> {
    const layers: Array<ReadonlyMap<string, V>> = [];
    for (let layer: LayeredMap<V> | null = top; layer; layer = layer.parent) layers.push(layer.own);
    const flat = new Map<string, V>();
    for (const own of layers.reverse()) for (const [k, v] of own) flat.set(k, v);
    return flat;
  }
}
