import { z } from "zod";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { idParams } from "../api";
import { genericPocketGuide, pocketGuideForFollowup } from "../call/pocket-guide";
import { GUIDE_AUDIENCES, type GuideAudience } from "../rules/pocket-guide";

const tags = ["Suivi M+3"];
const FILE_NAMES: Record<GuideAudience, string> = {
  particulier: "guide-de-poche-m3-particulier.pdf",
  professionnel: "guide-de-poche-m3-professionnel.pdf",
  entreprise: "guide-de-poche-m3-entreprise.pdf",
  tns: "guide-de-poche-m3-tns.pdf",
};
const pdfResponse = { 200: z.any().describe("Document PDF (application/pdf)"), ...errorResponses(400, 401, 403, 404) };

/** The pocket guide of the call (spec 003), as a PDF shown in the browser (inline) and printable. */
export function guideRoutes(app: App, { database, clock }: AppDeps) {
  const { db } = database;

  app.get(
    "/api/v1/followups/pocket-guide.pdf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Guide de poche de l'appel M+3 pour un type de client (PDF, agence et conseiller à compléter)",
        querystring: z.object({ audience: z.enum(GUIDE_AUDIENCES).default("particulier").meta({ title: "le type de client" }) }),
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const bytes = await genericPocketGuide(authOf(req), req.query.audience, clock());
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${FILE_NAMES[req.query.audience]}"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    "/api/v1/followups/:id/pocket-guide.pdf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Guide de poche de l'appel M+3 de ce client (PDF, avec l'agence et le conseiller)",
        params: idParams,
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const bytes = await pocketGuideForFollowup(db, authOf(req), req.params.id, clock());
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", 'inline; filename="guide-de-poche-m3.pdf"')
        .send(Buffer.from(bytes));
    },
  );
}
