import { access } from "../../server/access";
import type { RouteModule } from "../../server/deps";
import { catalogueForApi, catalogueResponseSchema } from "../../shared/catalogue";

export const catalogueRoutes: RouteModule = (app) => {
  // Built once: the catalogue is code, it only changes with a deployment.
  const catalogue = catalogueForApi();
  app.get(
    "/api/v1/catalogue",
    {
      config: { access: access.public("catalogue public : un intégrateur construit un lead valide à partir de lui seul") },
      schema: {
        tags: ["Catalogue"],
        summary: "Les 18 produits, leurs groupes et leurs champs obligatoires",
        response: { 200: catalogueResponseSchema },
      },
    },
    async (_req, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return catalogue;
    },
  );
};
