import { and, eq, type SQL, sql } from "drizzle-orm";
import { describe, it } from "vitest";
import { leads } from "../src/modules/intake/schema";
import type { Db } from "../src/platform/db/client";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

/**
 * The proof view says whether a lead is what the application recorded. Someone with database access
 * changes a consent's IP (and its public fingerprint) and deletes a rejected lead: the supplier sees it.
 */
/** The embedded database has one user: here it plays the administrator who disables a table's triggers. */
async function asAdministrator(db: Db, table: string, statement: SQL) {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    await tx.execute(statement);
    await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
  });
}

describe("Fiche lead : intégrité de la preuve face à une modification en base", () => {
  const e2e = setupE2e();
  const ids = { accepted: "", rejected: "" };

  it("un lead enregistré par l'application est déclaré intègre", async () => {
    const { page, app } = e2e;
    const db = app.running.database.db;
    const pick = async (status: "accepted" | "rejected") =>
      (
        await db
          .select({ id: leads.id })
          .from(leads)
          .where(and(eq(leads.status, status), eq(leads.channel, "api")))
          .limit(1)
      )[0]?.id ?? "";
    ids.accepted = await pick("accepted");
    ids.rejected = await pick("rejected");
    await login(page, DEMO.supplier, DEMO.password);
    await page.goto(`/apporteur/leads/${ids.accepted}`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Intégrité de la preuve" }) });
    await expectText(card, "Intègre ✔");
    await expectText(card, "Enregistrement attesté par le journal d'audit");
    await expectText(card, /Chaîne intacte jusqu'au point d'ancrage signé le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(heure de Paris\)/);
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, "integrite-01-lead-integre");
  });

  it("l'IP de la preuve changée en base : la fiche dit « Altéré »", async () => {
    const { page, app } = e2e;
    await asAdministrator(
      app.running.database.db,
      "lead_consents",
      sql`update lead_consents set ip = '10.6.6.6' where lead_id = ${ids.accepted}`,
    );
    await page.reload();
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Intégrité de la preuve" }) });
    await expectText(card, "Altéré");
    await expectText(card, "ne sont plus celles enregistrées dans le journal d'audit");
    await expectText(page.locator("main"), "10.6.6.6");
    await screenshot(page, "integrite-02-lead-altere");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "integrite-03-lead-altere-mobile");
  });

  it("un lead rejeté supprimé en base : sa fiche dit qu'il a été supprimé hors de l'application", async () => {
    const { page, app } = e2e;
    await asAdministrator(app.running.database.db, "leads", sql`delete from leads where id = ${ids.rejected}`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/apporteur/leads/${ids.rejected}`);
    await expectText(page.locator("main"), "Lead supprimé hors de l'application");
    await expectText(page.locator("main"), /l'événement n° \d+ du journal d'audit atteste son enregistrement/);
    await screenshot(page, "integrite-04-lead-supprime");
  });
});
