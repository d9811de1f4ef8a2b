/**
 * A memo bounded by the characters it holds, not by its entry count: the texts and words it is keyed by come from the
 * public (a survey answer may be one 5,000-character "word"), so a count bound alone lets a few hundred thousand long
 * keys fill gigabytes. Each entry weighs its key's length plus what `weigh` says of its value; an entry heavier than
 * `maxEntry` is not kept, and the memo starts over when the next entry would pass `maxTotal`. Only a cache: what it
 * holds never changes a result.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private held = 0;

  constructor(
    private readonly maxTotal: number,
    private readonly maxEntry: number,
    private readonly weigh: (value: V) => number = () => 0,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    const weight = key.length + this.weigh(value);
    if (weight > this.maxEntry || this.entries.has(key)) return;
    if (this.held + weight > this.maxTotal) this.clear();
    this.entries.set(key, value);
    this.held += weight;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  /** Characters held (keys plus the values' weights): never above maxTotal. */
  get weight(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}
