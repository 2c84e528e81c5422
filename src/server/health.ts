import { sql } from "drizzle-orm";
import { z } from "zod";
import { access } from "../platform/access";
import type { App, AppDeps } from "../platform/deps";

/**
 * For a load balancer: 200 while this instance can reach the database, 503 otherwise, so that the
 * balancer stops sending it requests. Says nothing else about the system.
 */
export function healthRoute(app: App, { database }: AppDeps) {
  app.get(
    "/api/v1/health",
    {
      config: { access: access.public("sonde du répartiteur de charge") },
      schema: {
        tags: ["Exploitation"],
        summary: "État de l'instance (base joignable)",
        response: { 200: z.object({ status: z.literal("ok") }), 503: z.object({ status: z.literal("indisponible") }) },
      },
    },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: "ok" as const };
      } catch {
        return reply.code(503).send({ status: "indisponible" as const });
      }
    },
  );
}
