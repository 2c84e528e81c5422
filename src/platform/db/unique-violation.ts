/**
 * The driver's error behind a database failure (its SQLSTATE `code`, and the `constraint` when PostgreSQL
 * names one), or null for any other error. Drizzle wraps driver errors; PostgreSQL and PGlite both put the
 * SQLSTATE on the original one.
 */
export function driverError(e: unknown): { code: string; constraint?: string } | null {
  for (let err: unknown = e; err && typeof err === "object"; err = (err as { cause?: unknown }).cause) {
    const { code, constraint } = err as { code?: unknown; constraint?: string };
    if (typeof code === "string") return { code, constraint };
  }
  return null;
}

/** The unique index a PostgreSQL error violated ("" when the driver does not name it), or null for any other error. */
export function uniqueViolation(e: unknown): string | null {
  const driver = driverError(e);
  return driver?.code === "23505" ? (driver.constraint ?? "") : null;
}
