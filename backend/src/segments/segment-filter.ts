import { conditionSql, type SegmentCondition } from './segment-rules';

/** A segment's condition over a customer id column, in the form each caller's SQL takes. */
export interface SegmentSql {
  sql: string;
  parameters: Record<string, unknown>;
}

let filterSeq = 0;

/**
 * "Customers of this segment" as SQL other modules add to their own queries:
 * `<column> IN (SELECT external_id FROM customers c WHERE c.workspace_id = … AND <rules>)`. Every value is a bound
 * parameter; the rules were checked when they were stored (segment-rules.ts).
 */
export class SegmentFilter {
  constructor(
    readonly workspaceId: string,
    readonly rules: readonly SegmentCondition[],
  ) {}

  /** The condition with placeholders from `bind` (positional `$n` for hand-written SQL, or named ones). */
  render(column: string, bind: (value: unknown) => string): string {
    return `${column} IN (${this.customerIds(bind)})`;
  }

  /** SELECT external_id FROM customers c WHERE …: the segment's customers. */
  customerIds(bind: (value: unknown) => string): string {
    const where = [`c.workspace_id = ${bind(this.workspaceId)}::uuid`, ...this.rules.map((rule) => conditionSql(rule, bind))];
    return `SELECT c.external_id FROM customers c WHERE ${where.join(' AND ')}`;
  }

  /** For a QueryBuilder's andWhere: named parameters unique to this call, so two filters never clash. */
  forQueryBuilder(column: string): SegmentSql {
    const prefix = `seg${(filterSeq = (filterSeq + 1) % 1_000_000)}_`;
    const parameters: Record<string, unknown> = {};
    const sql = this.render(column, (value) => {
      const name = `${prefix}${Object.keys(parameters).length}`;
      parameters[name] = value;
      return `:${name}`;
    });
    return { sql, parameters };
  }

  /** For hand-written SQL with positional parameters: appends the values to `params`. */
  forPositional(column: string, params: unknown[]): string {
    return this.render(column, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
  }
}
