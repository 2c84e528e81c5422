import { access } from "../../../platform/access";
import type { RouteModule } from "../../../platform/deps";
import { type CatalogueResponse, catalogueForApi, catalogueResponseSchema } from "../rules";
import { parisToday } from "../rules/dates";

export const catalogueRoutes: RouteModule = (app, { clock }) => {
  // The products are code, but their date bounds and examples move with the day: built once per Paris day.
  let built: { day: string; catalogue: CatalogueResponse } | undefined;
  const catalogueOfToday = () => {
    const now = clock();
    const day = parisToday(now);
    if (built?.day !== day) built = { day, catalogue: catalogueForApi(now) };
    return built.catalogue;
  };
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
      return catalogueOfToday();
    },
  );
};
