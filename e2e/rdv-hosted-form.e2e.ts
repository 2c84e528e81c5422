import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mimePartText } from "../tests/support/mail";
import { DEMO } from "./support/app";
import { logOut, topUpWithDemoCard } from "./support/broker";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { PHONE, pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

/** The prospect's public address, as the trusted proxy in front of the app reports it. */
const PROSPECT_IP = "82.64.10.20";
const PROSPECT = { firstName: "Inès", lastName: "Barbier", phone: "06 21 43 65 87", email: "ines.barbier@exemple-prospect.fr" };

describe("§5 et §3 : une prospecte prend rendez-vous sur le formulaire hébergé depuis son téléphone, le courtier reçoit le RDV et son invitation .ics", () => {
  // The app sits behind a proxy (127.0.0.1) that reports the client's public address, as in production.
  const e2e = setupE2e({ TRUST_PROXY: "127.0.0.1" });
  let rdvUrl = "";
  let chosenSlot = "";
  let withdrawalLink = "";

  const rows = async <T>(q: ReturnType<typeof sql>) => ((await e2e.app.running.database.db.execute(q)) as unknown as { rows: T[] }).rows;

  it("le cabinet recharge ses crédits et passe une commande exclusive de RDV qualifiés en assurance emprunteur", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await topUpWithDemoCard(page);
    await page.getByRole("link", { name: "Mes commandes" }).click();
    await page.getByRole("button", { name: "Nouvelle commande" }).click();
    await page.getByLabel("Nom de la commande").fill("RDV emprunteur");
    await page.getByLabel("Assurance emprunteur", { exact: true }).check();
    await page.getByLabel("Type").selectOption("rdv");
    await page.getByLabel("Plafond par semaine").fill("10");
    await page.getByRole("button", { name: "Créer la commande" }).click();
    await expectText(page.locator("tbody tr", { hasText: "RDV emprunteur" }), "Active");
  });

  it("l'apporteur trouve dans « Formulaires hébergés » l'adresse et l'iframe de son formulaire de RDV", async () => {
    const { page } = e2e;
    await logOut(page);
    await login(page, DEMO.supplier, DEMO.password);
    await page.getByRole("link", { name: "Formulaires hébergés" }).click();
    const code = (await page.getByTestId("supplier-code").textContent()) ?? "";
    expect(code).toMatch(/^[a-z0-9]{10}$/);
    rdvUrl = (await page.getByTestId("rdv-link-assurance-emprunteur").getAttribute("href")) ?? "";
    expect(rdvUrl).toContain(`/f/assurance-emprunteur?a=${code}&type=rdv`);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "60-formulaires-heberges");
  });

  it("la prospecte remplit le formulaire sur son téléphone (390×844) : créneaux, canal, confirmation et double consentement", async () => {
    const context = await e2e.browser.newContext({
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      extraHTTPHeaders: { "x-forwarded-for": PROSPECT_IP },
    });
    const phone = await context.newPage();
    await phone.goto(rdvUrl);
    await expectText(phone.locator("h1"), "Assurance emprunteur : prendre rendez-vous");
    expect(await phone.locator('input[name="consent"]').isChecked()).toBe(false);
    expect(await phone.locator('input[name="rdvConsent"]').isChecked()).toBe(false);
    await phone.getByLabel(/^Prénom/).fill(PROSPECT.firstName);
    await phone.getByLabel(/^Nom/).fill(PROSPECT.lastName);
    await phone.getByLabel(/^Téléphone/).fill(PROSPECT.phone);
    await phone.getByLabel(/^E-mail/).fill(PROSPECT.email);
    await phone.getByLabel(/^Code postal/).fill("13008");
    await phone.getByLabel(/^Ville/).fill("Marseille");
    await phone.getByLabel(/^Type de demande/).selectOption("changement");
    await phone.getByLabel(/^Date de signature du prêt/).fill("2021-05-17");
    await phone.getByLabel(/^Montant du prêt/).fill("185 000");
    await phone.getByLabel(/^Âge/).fill("41");
    await phone.getByLabel(/^Fumeur/).selectOption("non");
    // Two slots on the second day offered: 10:00 and 14:00 (Paris).
    const secondDay = phone.locator(".choices").nth(1);
    const ten = secondDay.locator('label.chip:has-text("10:00") input');
    chosenSlot = (await ten.getAttribute("value")) ?? "";
    await ten.check({ force: true });
    await secondDay.locator('label.chip:has-text("14:00") input').check({ force: true });
    await phone.locator('label.chip:has-text("En visio") input').check({ force: true });
    await phone.locator('label.chip:has-text("Par e-mail") input').check({ force: true });
    await phone.locator('input[name="consent"]').check();
    await phone.locator('input[name="rdvConsent"]').check();
    expect(await pageOverflow(phone)).toBe(0);
    await screenshot(phone, "61-formulaire-rdv-390");
    await phone.setViewportSize({ width: 1366, height: 900 });
    await screenshot(phone, "61-formulaire-rdv-1366");
    await phone.setViewportSize(PHONE);
    // The signed token refuses a form sent within 3 seconds of being served: a person takes longer.
    await phone.waitForTimeout(3_000);
    const sentToken = await phone.locator('input[name="token"]').inputValue();
    await phone.getByRole("button", { name: "Demander mon rendez-vous" }).click();
    await expectText(phone.locator("h1"), "Merci !");
    await screenshot(phone, "62-formulaire-rdv-merci-390");
    // The same page sent a second time (a double tap, a resubmitted page): its token is spent, nothing is stored.
    await phone.goto(rdvUrl);
    await phone.locator('input[name="token"]').evaluate((input, token) => {
      (input as HTMLInputElement).value = token;
    }, sentToken);
    await phone.locator("form").evaluate((form) => (form as HTMLFormElement).submit());
    await expectText(phone.locator("body"), "Ce formulaire a déjà été envoyé");
    expect(await pageOverflow(phone)).toBe(0);
    await screenshot(phone, "62-formulaire-rdv-deja-envoye-390");
    await context.close();

    const [lead] = await rows<{ id: string; channel: string; type: string; ip: string; source_url: string; user_agent: string }>(
      sql`select l.id, l.channel, l.type, k.ip, k.source_url, k.user_agent from leads l join lead_consents k on k.lead_id = l.id
          where l.email = ${PROSPECT.email}`,
    );
    expect(await rows(sql`select id from leads where email = ${PROSPECT.email}`)).toHaveLength(1);
    expect(lead).toMatchObject({ channel: "hosted_form", type: "rdv", ip: PROSPECT_IP });
    expect(lead?.source_url).toBe(rdvUrl);
    expect(lead?.user_agent).toMatch(/Chrome/);
  });

  it("le courtier reçoit le RDV par sa commande exclusive : invitation .ics à l'heure de Paris avec le lien de visio, confirmation envoyée à la prospecte", async () => {
    const mails = () =>
      rows<{ tag: string; to: string; text: string; raw: string | null }>(
        sql`select tag, "to", text, raw from captured_messages where tag in ('appointment.invitation', 'appointment.confirmation') order by received_at`,
      );
    // Routed by the market worker (a quarter of a second), then confirmed by the jobs runner (every second).
    await expect.poll(async () => (await mails()).length, { timeout: 30_000, interval: 500 }).toBe(2);
    const all = await mails();
    const invitation = all.find((m) => m.tag === "appointment.invitation");
    const confirmation = all.find((m) => m.tag === "appointment.confirmation");
    expect(invitation?.to).toContain("direction@cabinet-durand.demo");
    const ics = (mimePartText(invitation?.raw ?? "", "text/calendar") ?? "").replace(/\r?\n[ \t]/g, "");
    const utc = new Date(chosenSlot)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`DTSTART:${utc}`);
    expect(ics).toMatch(/URL:https:\/\/meet\.jit\.si\/LeadsAssurance-[0-9a-f]{24}/);
    expect(ics).toMatch(/à 10:00 \(heure de Paris\)/);
    expect(ics).toContain(`${PROSPECT.firstName} ${PROSPECT.lastName}`);
    expect(confirmation?.to).toContain(PROSPECT.email);
    expect(confirmation?.text).toContain("Cabinet Durand Courtage");
    withdrawalLink = confirmation?.text.match(/https?:\/\/\S+\/rdv\/retrait\/\S+/)?.[0] ?? "";
    expect(withdrawalLink).not.toBe("");
  });

  it("le courtier voit le RDV dans son agenda de la semaine", async () => {
    const { page } = e2e;
    await logOut(page);
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Agenda RDV" }).click();
    const card = page.locator("article.agenda__rdv", { hasText: PROSPECT.lastName });
    await page.getByTestId("agenda").waitFor();
    if ((await card.count()) === 0) await page.getByRole("button", { name: "Semaine suivante →" }).click();
    await expectText(card, "10:00");
    await expectText(card, "Confirmé");
    await expectText(card, "Visio");
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "63-agenda-rdv");
  });

  it("la prospecte retire son consentement par le lien reçu : le RDV est annulé et l'agenda le dit", async () => {
    const context = await e2e.browser.newContext({
      locale: "fr-FR",
      viewport: PHONE,
      isMobile: true,
      extraHTTPHeaders: { "x-forwarded-for": PROSPECT_IP },
    });
    const phone = await context.newPage();
    await phone.goto(withdrawalLink);
    await expectText(phone.locator("h1"), "Annuler mon rendez-vous");
    await screenshot(phone, "64-annulation-rdv-390");
    await phone.getByRole("button", { name: "Retirer mon consentement et annuler" }).click();
    await expectText(phone.locator("h1"), "Rendez-vous annulé");
    await context.close();
    const [event] = await rows<{ action: string }>(sql`select action from audit_events where action = 'appointment.withdrawn'`);
    expect(event?.action).toBe("appointment.withdrawn");
    const { page } = e2e;
    await page.reload();
    await expectText(page.locator("article.agenda__rdv", { hasText: PROSPECT.lastName }), "Annulé par le prospect");

    // The week shown is in the address: a reload keeps it, whichever week today's slot fell in.
    const firstDay = page.locator(".agenda__date").first();
    const shown = await firstDay.textContent();
    await page.getByRole("button", { name: "Semaine suivante →" }).click();
    await expect.poll(() => firstDay.textContent()).not.toBe(shown);
    const next = (await firstDay.textContent()) ?? "";
    expect(next).not.toBe("");
    expect(new URL(page.url()).searchParams.get("semaine")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.reload();
    await expect.poll(() => firstDay.textContent()).toBe(next);
  });
});
