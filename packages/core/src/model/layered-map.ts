const MAX_DEPTH = 32;

/**
 * An immutable map built as layers over a parent, so that every instruction can keep a snapshot of
 * the variables in force without copying them (a copy per instruction is quadratic on long files).
 * Layers are flattened every few levels to keep look-ups short.
 */
export class LayeredMap<V> implements ReadonlyMap<string, V> {
  #flat: Map<string, V> | undefined;

  private constructor(
    private readonly own: ReadonlyMap<string, V>,
    private readonly parent: LayeredMap<V> | null,
    private readonly depth: number,
  ) {}

  static of<V>(entries: Iterable<readonly [string, V]> = []): LayeredMap<V> {
    return new LayeredMap(new Map(entries), null, 0);
  }

  /** A new map with `updates` applied on top of this one. */
  with(updates: ReadonlyMap<string, V>): LayeredMap<V> {
    if (updates.size === 0) return this;
    if (this.depth + 1 >= MAX_DEPTH) return new LayeredMap(new Map([...this.flat(), ...updates]), null, 0);
    return new LayeredMap(new Map(updates), this, this.depth + 1);
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
