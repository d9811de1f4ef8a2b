import { pick } from '@otklik/survey-model';
import type { ReasonDto } from '../churn-reasons.dto';

export interface CatalogEntry {
  key: string;
  label: string;
  avoidable: boolean | null;
}

/**
 * The reason taxonomy as labels in one language, ordered as configured. History refers to stable keys,
 * so a renamed reason shows its current label; a key no longer in the taxonomy shows the key itself.
 */
export class ReasonCatalog {
  private readonly byKey: Map<string, { entry: CatalogEntry; position: number }>;
  readonly avoidableByKey: Record<string, boolean>;

  constructor(taxonomy: readonly ReasonDto[], language: string) {
    this.byKey = new Map(
      taxonomy.map((r, i) => [
        r.key,
        { entry: { key: r.key, label: pick(r.labels, language, 'en'), avoidable: r.avoidable }, position: i },
      ]),
    );
    this.avoidableByKey = Object.fromEntries(taxonomy.map((r) => [r.key, r.avoidable]));
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  entry(key: string): CatalogEntry {
    return this.byKey.get(key)?.entry ?? { key, label: key, avoidable: null };
  }

  /** The given keys in taxonomy order, unknown keys last by key. */
  ordered(keys: Iterable<string>): CatalogEntry[] {
    const position = (key: string) => this.byKey.get(key)?.position ?? Number.MAX_SAFE_INTEGER;
    return [...new Set(keys)].sort((a, b) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0)).map((key) => this.entry(key));
  }
}
