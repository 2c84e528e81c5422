import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { AppError } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { invoiceParams, invoicesResponse, statementParams } from "../api";
import { invoicePdf, listInvoices } from "../invoices/list-invoices";
import { monthlyStatementPdf } from "../invoices/monthly-statement";
import { monthRange } from "../rules/statement-month";

export const invoiceRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/api/v1/billing/invoices",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Crédits et factures"],
        summary: "Factures de l'organisation, les plus récentes d'abord",
        response: { 200: invoicesResponse, ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await listInvoices(db, authOf(req).orgId) }),
  );

  app.get(
    "/api/v1/billing/invoices/:id/pdf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Crédits et factures"],
        summary: "Une facture en PDF",
        description: "Réponse `application/pdf` ; 404 pour la facture d'une autre organisation.",
        params: invoiceParams,
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await invoicePdf(db, authOf(req).orgId, req.params.id);
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${filename}"`).send(Buffer.from(bytes));
    },
  );

  app.get(
    "/api/v1/billing/statements/:month/pdf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Crédits et factures"],
        summary: "Relevé mensuel de consommation de crédits en PDF (mois AAAA-MM, heure de Paris)",
        params: statementParams,
      },
    },
    async (req, reply) => {
      const now = deps.clock();
      // A month still to come has no statement: an empty one would read as "nothing was spent".
      if (monthRange(req.params.month).from > now)
        throw new AppError("validation_error", { field: "params.month", message: "Mois du relevé : ce mois n'a pas encore commencé" });
      const { bytes, filename } = await monthlyStatementPdf(db, {
        orgId: authOf(req).orgId,
        month: req.params.month,
        seller: deps.config.seller,
        now,
      });
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${filename}"`).send(Buffer.from(bytes));
    },
  );
};
