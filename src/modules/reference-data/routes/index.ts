import { z } from "zod";
import { ANY_USER, access } from "../../../platform/access";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { postalCodeAnswer } from "../api";
import { postalCodeEntry } from "../postal-codes";

const collator = new Intl.Collator("fr");

/**
 * Reference data the screens check against before sending, with the server's own rules (communes.ts): the
 * browser asks for the one postal code typed rather than downloading the 36k communes.
 */
export const referenceDataRoutes: RouteModule = (app) => {
  app.get(
    "/api/v1/reference/postal-codes/:postalCode",
    {
      config: { access: access.org(ANY_USER) },
      schema: {
        tags: ["Référentiels"],
        summary: "Communes desservies par un code postal (base officielle de La Poste), avec leurs libellés d'acheminement",
        params: z.object({ postalCode: z.string().trim().max(10).meta({ title: "le code postal" }) }),
        response: { 200: postalCodeAnswer, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const entry = postalCodeEntry(req.params.postalCode);
      // The list changes a few times a year: the browser keeps its answer for a day.
      reply.header("cache-control", "private, max-age=86400");
      if (!entry) return { postalCode: null, communes: [] };
      return { ...entry, communes: [...entry.communes].sort((a, b) => collator.compare(a.name, b.name)) };
    },
  );
};
