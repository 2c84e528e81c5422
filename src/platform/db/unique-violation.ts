/**
 * The unique index a PostgreSQL error violated ("" when the driver does not name it), or null for any other
 * error. Drizzle wraps driver errors; PostgreSQL and PGlite both put the SQLSTATE on the original one.
 */
export function uniqueViolation(e: unknown): string | null {
  for (let err: unknown = e; err && typeof err === "object"; err = (err as { cause?: unknown }).cause) {
    const { code, constraint } = err as { code?: string; constraint?: string };
    if (code === "23505") return constraint ?? "";
  }
  return null;
}
