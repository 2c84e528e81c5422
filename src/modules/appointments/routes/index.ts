import { z } from "zod";
import { html, htmlPage } from "../../../lib/html-page";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { productBySlug } from "../../catalogue/rules";
import { notifierOf } from "../../notifications";
import { calendarSchema, outcomeBodySchema, weekQuerySchema } from "../api";
import { listBrokerAppointments, recordAppointmentOutcome } from "../broker-appointments";
import { formatSlot } from "../rules/format";
import { parisWeek } from "../rules/week";
import { appointmentForWithdrawal, withdrawAppointment } from "../withdraw-appointment";
import { readWithdrawalToken } from "../withdrawal-token";

const tags = ["RDV qualifiés"];
const STYLESHEET = "/f/assets/form.css";

const page = (title: string, body: ReturnType<typeof html>) =>
  htmlPage({ title, stylesheet: STYLESHEET, body: html`<main class="card">${body}</main>` });

export const appointmentRoutes: RouteModule = async (app, deps) => {
  const { database, clock, config } = deps;
  const { db } = database;
  // The withdrawal page posts a plain HTML form (no script): its body is urlencoded.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 4096 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const withdrawalPage = async (token: string, done: string | null) => {
    const leadId = readWithdrawalToken(config.sessionSecret, token);
    const rdv = leadId ? await appointmentForWithdrawal(db, leadId) : null;
    if (!leadId || !rdv)
      return { code: 404, body: page("Lien invalide", html`<h1>Lien invalide</h1><p>Ce lien d'annulation n'est pas valable.</p>`) };
    const what = html`<p>Rendez-vous « ${productBySlug(rdv.product)?.label ?? rdv.product} »${rdv.brokerName ? html` avec ${rdv.brokerName}` : ""}${rdv.slot ? html`, le ${formatSlot(rdv.slot)} (heure de Paris)` : ""}.</p>`;
    if (rdv.status === "withdrawn" || done === "withdrawn" || done === "already")
      return {
        code: 200,
        body: page(
          "Rendez-vous annulé",
          html`<h1>Rendez-vous annulé</h1>${what}<p>Votre consentement est retiré : le cabinet ne vous contactera plus pour ce rendez-vous.</p>`,
        ),
      };
    if (done === "too_late" || rdv.status === "honored" || rdv.status === "no_show")
      return { code: 200, body: page("Rendez-vous passé", html`<h1>Rendez-vous passé</h1>${what}<p>Ce rendez-vous a déjà eu lieu.</p>`) };
    return {
      code: 200,
      body: page(
        "Annuler mon rendez-vous",
        html`<h1>Annuler mon rendez-vous</h1>${what}
<p>En confirmant, vous retirez votre consentement à la transmission de vos coordonnées à ce courtier et au rendez-vous.</p>
<form method="post" action="/rdv/retrait/${token}"><button type="submit" class="primary">Retirer mon consentement et annuler</button></form>`,
      ),
    };
  };

  app.get(
    "/rdv/retrait/:token",
    {
      config: { access: access.public("lien d'annulation envoyé au prospect : le jeton signé tient lieu d'identification") },
      schema: { hide: true, params: z.object({ token: z.string().max(120).meta({ title: "le lien d'annulation" }) }) },
    },
    async (req, reply) => {
      const { code, body } = await withdrawalPage(req.params.token, null);
      return reply.code(code).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);
    },
  );

  app.post(
    "/rdv/retrait/:token",
    {
      config: {
        access: access.public("retrait du consentement par le prospect : le jeton signé tient lieu d'identification"),
        rateLimit: { max: 20, timeWindow: "1 minute" },
      },
      schema: { hide: true, params: z.object({ token: z.string().max(120).meta({ title: "le lien d'annulation" }) }) },
    },
    async (req, reply) => {
      const leadId = readWithdrawalToken(config.sessionSecret, req.params.token);
      const result = leadId
        ? await withdrawAppointment(
            db,
            notifierOf(deps),
            leadId,
            { ip: req.ip, userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null },
            clock(),
          )
        : "absent";
      const { code, body } = await withdrawalPage(req.params.token, result);
      return reply.code(code).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);
    },
  );

  app.get(
    "/api/v1/appointments",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Agenda des RDV du cabinet, une semaine (lundi-dimanche, heure de Paris)",
        querystring: weekQuerySchema,
        response: { 200: calendarSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const week = parisWeek(req.query.week, clock());
      return { monday: week.monday, items: await listBrokerAppointments(db, authOf(req).orgId, week.from, week.to) };
    },
  );

  app.post(
    "/api/v1/appointments/:leadId/outcome",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Dire si le RDV a été honoré ou non (après son heure)",
        params: z.object({ leadId: z.uuid().meta({ title: "le RDV" }) }),
        body: outcomeBodySchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await recordAppointmentOutcome(db, { orgId: auth.orgId, userId: auth.userId ?? null }, req.params.leadId, req.body.status, clock());
      return reply.code(204).send(null);
    },
  );
};
