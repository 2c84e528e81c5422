import { Readable } from "node:stream";
import { z } from "zod";
import { access, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { asCsvDownload } from "../../../platform/downloads";
import { AppError } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { crmImportSchema, importPreviewSchema } from "../api";
import { createCrmImport, getCrmImport, listCrmImports, MAX_IMPORT_BYTES } from "../import/crm-imports";
import { importCrmCsv } from "../import/import-crm-csv";
import { previewCrmCsv } from "../import/preview-crm-csv";
import { crmRejectsReport } from "../import/rejects-report";

const idParams = z.object({ id: z.uuid().meta({ title: "l'identifiant de l'import" }) });
const tags = ["CRM — import"];
// Windows tags .csv files as Excel documents, and browsers pass that type on.
const CSV_TYPES = ["text/csv", "application/octet-stream", "application/vnd.ms-excel"];

const rawCsv = (body: unknown): Readable => {
  if (body instanceof Readable) return body;
  throw new AppError("invalid_csv", { message: "Envoyez le fichier CSV brut dans le corps de la requête (Content-Type: text/csv)." });
};

/** RFC 6266: an ASCII fallback plus the UTF-8 name, since file names carry accents. */

export const importRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const admin = access.org(BROKER_ADMIN);

  // The file is handed over as a stream: parsed while it arrives, never buffered whole.
  app.addContentTypeParser(CSV_TYPES, { bodyLimit: MAX_IMPORT_BYTES }, (_req, payload, done) => done(null, payload));

  app.post(
    "/api/v1/crm/imports/preview",
    {
      config: { access: admin },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: "Étape 1 : colonnes détectées et correspondance proposée (corps : le fichier ou son début, text/csv)",
        response: {
          200: importPreviewSchema,
          ...errorResponses(400, 401, 403, 413),
        },
      },
    },
    async (req, reply) => {
      const body = rawCsv(req.body);
      try {
        return await previewCrmCsv(body);
      } finally {
        if (!body.readableEnded) {
          reply.header("connection", "close");
          body.resume();
        }
      }
    },
  );

  app.post(
    "/api/v1/crm/imports",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Étape 2 : valider la correspondance des colonnes (colonne → champ, vide = ignorée)",
        body: z
          .object({
            filename: z.string().trim().min(1).max(255).meta({ title: "le nom du fichier" }),
            sizeBytes: z.number().int().min(0).nullable().optional().meta({ title: "la taille du fichier" }),
            mapping: z
              .record(z.string().max(200), z.string().max(60).nullable().meta({ title: "la colonne" }))
              .meta({ title: "la correspondance des colonnes" }),
          })
          .strict(),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (req, reply) => reply.code(201).send(await createCrmImport(db, authOf(req), req.body)),
  );

  app.put(
    "/api/v1/crm/imports/:id/file",
    {
      config: { access: admin },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: "Étape 3 : envoyer le fichier entier (text/csv) ; réponse à la fin, avancement sur GET /crm/imports/{id}",
        description: "UTF-8 ou Windows-1252, séparateur « ; » ou « , », 50 000 lignes au plus. Une ligne = un contrat et son client.",
        params: idParams,
        response: { 200: crmImportSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      const length = Number(req.headers["content-length"]);
      const result = await importCrmCsv(db, authOf(req), req.params.id, rawCsv(req.body), {
        clock,
        contentLength: Number.isFinite(length) ? length : undefined,
      });
      if (!result.readWholeFile) reply.header("connection", "close");
      return result.summary;
    },
  );

  app.get(
    "/api/v1/crm/imports",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Derniers imports CRM",
        response: { 200: z.object({ items: z.array(crmImportSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => listCrmImports(db, authOf(req).orgId),
  );

  app.get(
    "/api/v1/crm/imports/:id",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Avancement et bilan d'un import",
        params: idParams,
        response: { 200: crmImportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getCrmImport(db, authOf(req).orgId, req.params.id),
  );

  app.get(
    "/api/v1/crm/imports/:id/rejects.csv",
    { config: { access: admin }, schema: { tags, summary: "Lignes rejetées et motifs (CSV pour Excel)", params: idParams } },
    async (req, reply) => {
      const { csv, filename } = await crmRejectsReport(db, authOf(req).orgId, req.params.id);
      return asCsvDownload(reply, filename).send(csv);
    },
  );
};
