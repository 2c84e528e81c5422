import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../platform/db/client";

/**
 * One statement for many rows with different values: the rows travel as one JSON parameter, typed by
 * jsonb_to_recordset, and each column keeps its stored value where the row brings none (null). A
 * re-import of 50,000 clients is then 50 statements, not 50,000.
 */
export async function bulkCoalesceUpdate(
  tx: DbOrTx,
  table: PgTable,
  tableName: string,
  orgId: string,
  rows: { id: string; values: Record<string, unknown> }[],
  extraSet?: SQL,
) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const used = [...new Set(rows.flatMap((r) => Object.keys(r.values)))].filter((k) => k in columns && k !== "id");
  if (used.length === 0) return;
  const data = rows.map((r) => {
    const o: Record<string, unknown> = { id: r.id };
    for (const k of used) o[(columns[k] as { name: string }).name] = r.values[k] ?? null;
    return o;
  });
  const defs = ["id uuid", ...used.map((k) => `"${columns[k]?.name}" ${columns[k]?.getSQLType()}`)].join(", ");
  const sets = used.map((k) => {
    const name = sql.identifier((columns[k] as { name: string }).name);
    return sql`${name} = coalesce(v.${name}, t.${name})`;
  });
  if (extraSet) sets.push(extraSet);
  await tx.execute(
    sql`update ${sql.identifier(tableName)} as t set ${sql.join(sets, sql`, `)}
        from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as v(${sql.raw(defs)})
        where t.id = v.id and t.org_id = ${orgId}`,
  );
}

/** Multi-row inserts, in chunks that stay well under PostgreSQL's 65,535 parameters per statement. */
export async function insertInChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: T["$inferInsert"][], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk));
}
