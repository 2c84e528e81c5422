import { Readable } from "node:stream";
import { z } from "zod";
import { access, SUPPLIER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { asCsvDownload } from "../../../platform/downloads";
import { AppError, notFound } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { isProductSlug } from "../../catalogue/rules";
import { listConsentTexts } from "../../consent";
import { isReinforcedTextVersion } from "../../consent/rules/text-kind";
import { csvImportSchema, newImportSchema } from "../api";
import { createImport, getImport, listImports, MAX_FILE_BYTES } from "../csv-import/imports";
import { rejectedRowsReport } from "../csv-import/report";
import { runImport } from "../csv-import/run-import";
import { csvTemplate } from "../csv-import/template";

const idParams = z.object({ id: z.uuid().meta({ title: "l'identifiant de l'import" }) });
// Windows tags .csv files as Excel documents, and browsers pass that type on.
const CSV_CONTENT_TYPES = ["text/csv", "application/octet-stream", "application/vnd.ms-excel"];

/** RFC 6266: an ASCII fallback plus the UTF-8 name, since supplier file names carry accents. */

export const csvImportRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const supplier = access.org(SUPPLIER);

  // The file is handed over as a stream: it is parsed while it arrives, never buffered whole.
  app.addContentTypeParser(CSV_CONTENT_TYPES, { bodyLimit: MAX_FILE_BYTES }, (_req, payload, done) => done(null, payload));

  app.post(
    "/api/v1/imports",
    {
      config: { access: supplier },
      schema: {
        tags: ["Import CSV"],
        summary: "Déclarer un import CSV (avant l'envoi du fichier)",
        body: newImportSchema,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (req, reply) => reply.code(201).send(await createImport(db, authOf(req), req.body)),
  );

  app.put(
    "/api/v1/imports/:id/file",
    {
      config: { access: supplier },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ["Import CSV"],
        summary: "Envoyer le fichier (corps brut, text/csv) : réponse à la fin du traitement",
        description:
          "UTF-8 ou Windows-1252, séparateur « ; » ou « , », 100 000 lignes au plus. Chaque ligne est jugée seule ; l'avancement se lit sur GET /api/v1/imports/{id}. " +
          "Un import « interrupted » (serveur arrêté ou envoi coupé) reprend quand le même fichier est renvoyé ici : les lignes déjà enregistrées sont sautées, l'import continue à la suivante.",
        params: idParams,
        response: { 200: csvImportSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      if (!(req.body instanceof Readable)) {
        throw new AppError("invalid_csv", { message: "Envoyez le fichier CSV brut dans le corps de la requête (Content-Type: text/csv)." });
      }
      const length = Number(req.headers["content-length"]);
      const result = await runImport(db, authOf(req), req.params.id, req.body, {
        clock,
        contentLength: Number.isFinite(length) ? length : undefined,
      });
      // The rest of an upload cut short is not waited for.
      if (!result.readWholeFile) reply.header("connection", "close");
      return result.summary;
    },
  );

  app.get(
    "/api/v1/imports",
    {
      config: { access: supplier },
      schema: {
        tags: ["Import CSV"],
        summary: "Mes 50 derniers imports",
        response: { 200: z.object({ items: z.array(csvImportSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => listImports(db, authOf(req).orgId),
  );

  app.get(
    "/api/v1/imports/:id",
    {
      config: { access: supplier },
      schema: {
        tags: ["Import CSV"],
        summary: "État et avancement d'un import",
        params: idParams,
        response: { 200: csvImportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getImport(db, authOf(req).orgId, req.params.id),
  );

  app.get(
    "/api/v1/imports/:id/report.csv",
    {
      config: { access: supplier },
      schema: { tags: ["Import CSV"], summary: "Lignes rejetées avec leurs motifs (CSV Excel)", params: idParams },
    },
    async (req, reply) => {
      const { csv, filename } = await rejectedRowsReport(db, authOf(req).orgId, req.params.id);
      return asCsvDownload(reply, filename).send(csv);
    },
  );

  app.get(
    "/api/v1/catalogue/:slug/template.csv",
    {
      config: { access: access.public("modèle CSV public") },
      schema: {
        tags: ["Catalogue"],
        summary: "Modèle CSV d'un produit (en-tête et une ligne d'exemple)",
        params: z.object({ slug: z.string().max(60).meta({ title: "le produit" }) }),
      },
    },
    async (req, reply) => {
      if (!isProductSlug(req.params.slug)) throw notFound("Produit");
      asCsvDownload(reply, `modele-${req.params.slug}.csv`);
      // The main consent in force, not the reinforced text of RDV (decision 016).
      const current = (await listConsentTexts(db)).find((t) => !isReinforcedTextVersion(t.version));
      return csvTemplate(req.params.slug, clock(), current?.version);
    },
  );
};
