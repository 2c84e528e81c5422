import { z } from "zod";
import { access } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import type { Role } from "../../accounts/schema";
import { outboxDetailSchema, outboxListSchema } from "../api";
import { notifierOf } from "../notifier";
import { getOutboxMessage, getOutboxRaw, listOutbox } from "../outbox";
import { CAPTURED_CHANNELS } from "../schema";

/** Brokers and the platform operator read what their organisation "sent"; suppliers send nothing. */
const OUTBOX_READERS: readonly Role[] = ["platform_admin", "broker_admin", "broker_agent"];

const idParams = z.object({ id: z.uuid().meta({ title: "l'identifiant du message" }) });

/**
 * Always registered, so the web app and the route table are the same everywhere. When a channel really
 * delivers (SMTP_URL set, a real SMS provider), its messages are not captured and the answer says so.
 */
export const notificationRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;
  const notifier = notifierOf(deps);

  app.get(
    "/api/v1/outbox",
    {
      config: { access: access.org(OUTBOX_READERS) },
      schema: {
        tags: ["Notifications"],
        summary: "Messages capturés (e-mails et SMS non envoyés réellement) de l'organisation",
        querystring: z.object({
          channel: z.enum(CAPTURED_CHANNELS).optional().meta({ title: "le canal" }),
          limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: "le nombre de messages" }),
        }),
        response: {
          200: outboxListSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      const capture = { email: notifier.mail.mode === "capture", sms: notifier.sms.captures };
      return { capture, notice: outboxNotice(capture), ...(await listOutbox(db, authOf(req).orgId, req.query)) };
    },
  );

  app.get(
    "/api/v1/outbox/:id",
    {
      config: { access: access.org(OUTBOX_READERS) },
      schema: {
        tags: ["Notifications"],
        summary: "Un message capturé",
        params: idParams,
        response: { 200: outboxDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getOutboxMessage(db, authOf(req).orgId, req.params.id),
  );

  app.get(
    "/api/v1/outbox/:id/raw",
    {
      config: { access: access.org(OUTBOX_READERS) },
      schema: {
        tags: ["Notifications"],
        summary: "L'e-mail capturé tel que reçu (.eml)",
        description: "Réponse `message/rfc822` ; 404 pour un SMS ou le message d'une autre organisation.",
        params: idParams,
      },
    },
    async (req, reply) => {
      const { raw, filename } = await getOutboxRaw(db, authOf(req).orgId, req.params.id);
      return reply.type("message/rfc822").header("content-disposition", `attachment; filename="${filename}"`).send(raw);
    },
  );
};

function outboxNotice(capture: { email: boolean; sms: boolean }): string | null {
  if (capture.email && capture.sms) return null;
  if (!capture.email && !capture.sms) return "Les e-mails et les SMS sont réellement envoyés : aucun message n'est capturé ici.";
  if (!capture.email) return "Les e-mails sont réellement envoyés (serveur SMTP configuré) : seuls les SMS capturés apparaissent ici.";
  return "Les SMS sont réellement envoyés : seuls les e-mails capturés apparaissent ici.";
}
