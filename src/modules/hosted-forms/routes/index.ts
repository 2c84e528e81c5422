import type { FastifyReply } from "fastify";
import { z } from "zod";
import { type Html, html } from "../../../lib/html-page";
import { access, SUPPLIER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { frameableBy } from "../../../platform/security-headers";
import { PRODUCTS, type ProductDefinition, productBySlug } from "../../catalogue/rules";
import { IntakeBatcher } from "../../intake";
import { embedSchema } from "../api";
import { ensureSupplierCode, supplierOfCode } from "../form-codes";
import { FORM_CSS } from "../form-css";
import { issueFormToken } from "../form-token";
import { renderForm, renderMessage } from "../render-form";
import type { FormBody } from "../rules/read-form";
import { submitHostedForm } from "../submit-hosted-form";
import { textsInForce } from "../texts-in-force";

/**
 * The hosted forms may be framed by suppliers' landing pages (any https site): on these routes only, the
 * CSP's frame-ancestors is widened and X-Frame-Options dropped. Everything else stays as the app's policy.
 */
const FRAMEABLE = frameableBy(["https:"]);

/** Why the page comes back, with a fresh token, without storing anything. A forged token reads as expired. */
const RETRY_MESSAGES = {
  too_fast: "Formulaire envoyé trop vite : vérifiez vos réponses puis envoyez-le à nouveau.",
  expired: "Le formulaire a expiré : vérifiez vos réponses puis envoyez-le à nouveau.",
  invalid: "Le formulaire a expiré : vérifiez vos réponses puis envoyez-le à nouveau.",
} as const;

/** A page sent twice (a double tap, the back button) is no mistake of the person's: said as a notice, not an error. */
const SENT_TWICE =
  "Ce formulaire a déjà été envoyé : si vous avez vu « Merci ! », votre demande nous est parvenue, inutile de la renvoyer. Pour une autre demande, vérifiez vos réponses puis envoyez-le à nouveau.";

const query = z.object({
  a: z.string().max(40).optional().meta({ title: "le code apporteur" }),
  type: z.string().max(10).optional().meta({ title: "le type de formulaire" }),
});
const params = z.object({ slug: z.string().max(60).meta({ title: "le produit" }) });

const FIELD_LABELS: Record<string, string> = {
  "contact.firstName": "Prénom",
  "contact.lastName": "Nom",
  "contact.phone": "Téléphone",
  "contact.email": "E-mail",
  "contact.postalCode": "Code postal",
  "contact.city": "Ville",
  consent: "Consentement",
  rdvConsent: "Consentement renforcé",
  "appointment.availabilities": "Disponibilités",
  "appointment.channel": "Canal du rendez-vous",
  "appointment.confirmation": "Confirmation du rendez-vous",
};

/** The form input a reason belongs to, so it shows beside it. */
function inputOf(field: string): string {
  if (field === "consent" || field.startsWith("consent.")) return "consent";
  if (field.startsWith("appointment.reinforcedConsent")) return "rdvConsent";
  if (field.startsWith("appointment.availabilities")) return "appointment.availabilities";
  return field;
}

function errorsOf(product: ProductDefinition, reasons: { field: string; message: string }[]) {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const r of reasons) {
    const input = inputOf(r.field);
    const label = FIELD_LABELS[input] ?? product.fields.find((f) => `fields.${f.key}` === input)?.label;
    if (!label) {
      general.push(r.message);
      continue;
    }
    byField.set(input, [...(byField.get(input) ?? []), `${label} : ${r.message}`]);
  }
  return { byField, general };
}

const sendHtml = (reply: FastifyReply, code: number, body: string) =>
  reply.code(code).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);

export const hostedFormRoutes: RouteModule = async (app, { database, clock, config }) => {
  const { db } = database;
  const batcher = new IntakeBatcher(db, clock);
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 64 * 1024 }, (_req, body, done) => {
    const out: FormBody = {};
    for (const [k, v] of new URLSearchParams(String(body))) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });

  app.get(
    "/f/assets/form.css",
    { config: { access: access.public("feuille de style des formulaires hébergés") }, schema: { hide: true }, helmet: FRAMEABLE },
    (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(FORM_CSS),
  );

  /** What a form needs before it is shown or judged: the product, the supplier, the texts; or the page saying why not. */
  const formContext = async (slug: string, q: z.infer<typeof query>) => {
    const product = productBySlug(slug);
    const rdv = q.type === "rdv";
    const supplier = q.a ? await supplierOfCode(db, q.a) : null;
    if (!product || !supplier || (rdv && !product.rdvAvailable))
      return { problem: { code: 404, page: renderMessage("Formulaire introuvable", "Ce formulaire n'existe pas ou n'est plus proposé.") } };
    const texts = await textsInForce(db, clock());
    if (!texts.main || (rdv && !texts.rdv))
      return { problem: { code: 503, page: renderMessage("Formulaire indisponible", "Ce formulaire est momentanément indisponible.") } };
    return { form: { product, rdv, supplier, code: q.a as string, texts: { main: texts.main, rdv: texts.rdv } } };
  };
  type Form = Exclude<Awaited<ReturnType<typeof formContext>>["form"], undefined>;

  const action = (slug: string, code: string, rdv: boolean) =>
    `/f/${encodeURIComponent(slug)}?a=${encodeURIComponent(code)}${rdv ? "&type=rdv" : ""}`;
  const tokenFor = (c: Form) =>
    issueFormToken(config.sessionSecret, {
      product: c.product.slug,
      code: c.code,
      rdv: c.rdv,
      textVersion: c.texts.main.version,
      rdvTextVersion: c.rdv ? (c.texts.rdv?.version ?? null) : null,
      issuedAt: clock().getTime(),
    });
  /** The form's page, blank or sent back with the answers given and what is wrong with them. */
  const formPage = (form: Form, now: Date, answered?: Pick<Parameters<typeof renderForm>[0], "values" | "errors" | "notice">) =>
    renderForm({ ...form, action: action(form.product.slug, form.code, form.rdv), token: tokenFor(form), now, ...answered });
  const formRoute = { schema: { hide: true, params, querystring: query }, helmet: FRAMEABLE } as const;

  app.get(
    "/f/:slug",
    {
      config: { access: access.public("formulaire hébergé : le prospect n'a pas de compte ; le code apporteur attribue le lead") },
      ...formRoute,
    },
    async (req, reply) => {
      const c = await formContext(req.params.slug, req.query);
      return c.problem ? sendHtml(reply, c.problem.code, c.problem.page) : sendHtml(reply, 200, formPage(c.form, clock()));
    },
  );

  app.post(
    "/f/:slug",
    {
      config: {
        access: access.public("envoi d'un formulaire hébergé : anti-robot par jeton signé, délai minimal, piège et limite par adresse IP"),
      },
      ...formRoute,
    },
    async (req, reply) => {
      const c = await formContext(req.params.slug, req.query);
      if (c.problem) return sendHtml(reply, c.problem.code, c.problem.page);
      const { form } = c;
      const body = (req.body && typeof req.body === "object" ? req.body : {}) as FormBody;
      const now = clock();
      const result = await submitHostedForm(
        db,
        batcher,
        config.sessionSecret,
        {
          product: form.product,
          code: form.code,
          supplierOrgId: form.supplier.orgId,
          body,
          ip: req.ip,
          userAgent: req.headers["user-agent"]?.slice(0, 1000) ?? null,
          pageUrl: `${req.protocol}://${req.host}${action(form.product.slug, form.code, form.rdv)}`,
        },
        now,
      );
      // The page again, with the answers given and what the person should know: an error or a notice.
      const again = (said: Pick<Parameters<typeof renderForm>[0], "errors" | "notice">) =>
        sendHtml(reply, 422, formPage(form, now, { values: body, ...said }));
      switch (result.kind) {
        case "accepted":
        case "bot":
          // A robot that filled the trap gets the same thanks as a person: nothing tells it it was seen.
          return sendHtml(reply, result.kind === "accepted" ? 201 : 200, renderMessage("Merci !", thanks(form.rdv)));
        case "throttled":
          return sendHtml(
            reply,
            429,
            renderMessage("Trop de demandes", "Trop de demandes depuis votre connexion : réessayez dans quelques minutes."),
          );
        case "retry":
          if (result.why === "spent") return again({ notice: SENT_TWICE });
          return again({ errors: { byField: new Map(), general: [RETRY_MESSAGES[result.why]] } });
        case "rejected":
          return again({ errors: errorsOf(form.product, result.reasons) });
      }
    },
  );

  app.get(
    "/api/v1/hosted-forms",
    {
      config: { access: access.org(SUPPLIER) },
      schema: {
        tags: ["Formulaires hébergés"],
        summary: "Votre code apporteur et le code à intégrer (iframe) de chaque formulaire hébergé",
        response: { 200: embedSchema },
      },
    },
    async (req) => {
      const code = await ensureSupplierCode(db, authOf(req).orgId, clock());
      const base = `${req.protocol}://${req.host}`;
      const snippet = (url: string, label: string, height: number) =>
        `<iframe src="${url}" title="${label}" width="100%" height="${height}" style="border:0;max-width:600px" loading="lazy"></iframe>`;
      return {
        code,
        items: PRODUCTS.map((p) => {
          const url = `${base}${action(p.slug, code, false)}`;
          const rdvUrl = p.rdvAvailable ? `${base}${action(p.slug, code, true)}` : null;
          return {
            product: p.slug,
            label: p.label,
            url,
            rdvUrl,
            snippet: snippet(url, p.label, 1400),
            rdvSnippet: rdvUrl ? snippet(rdvUrl, `${p.label} : rendez-vous`, 2000) : null,
          };
        }),
      };
    },
  );
};

const thanks = (rdv: boolean): Html =>
  rdv
    ? html`Votre demande de rendez-vous est enregistrée. Vous recevrez la confirmation du créneau retenu dès qu'un conseiller l'aura accepté.`
    : html`Votre demande est enregistrée. Un conseiller vous contactera rapidement.`;
