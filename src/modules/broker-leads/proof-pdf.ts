import { type Content, formatDateTimeFr, PdfWriter } from "../../lib/pdf";
import { productBySlug } from "../catalogue/rules";
import { CHANNEL_LABELS, LEAD_TYPE_LABELS } from "../market/rules/sale-terms";
import type { BrokerLeadDetail } from "./api";

export interface PlatformIdentity {
  name: string;
  address: string;
  siren: string;
}

const paris = (d: Date) => `${formatDateTimeFr(d)} (heure de Paris)`;
const orDash = (v: string | null | undefined) => (v && v.length > 0 ? v : "—");

const SOURCE_LABELS: Record<string, string> = {
  api: "API de l'apporteur (preuve transmise par l'apporteur)",
  csv: "Import CSV de l'apporteur (preuve transmise par l'apporteur)",
  form: "Saisie de l'apporteur (preuve transmise par l'apporteur)",
  hosted_form: "Formulaire hébergé par LeadsAssurance : preuve recueillie de première main par la plateforme (heure, IP, navigateur, page)",
};

const RDV_STATUS: Record<string, string> = {
  requested: "demandé",
  confirmed: "confirmé au prospect",
  withdrawn: "annulé par le prospect",
  honored: "honoré",
  no_show: "non honoré",
};

const INTEGRITY_VERDICT = {
  verified: "VÉRIFIÉE — le lead et sa preuve sont ceux que LeadsAssurance a enregistrés et scellés.",
  pending: "EN COURS DE SCELLEMENT — l'enregistrement est authentique ; son scellement dans la chaîne est en cours.",
  altered: "ROMPUE — ce qui est enregistré ne correspond plus au journal d'audit signé : ne pas utiliser en l'état.",
} as const;

/**
 * The consent proof of a bought lead as a document a judge can read: who consented to what text (in full,
 * with its partners), when, from where, how the platform checked it, and the platform's identity. Dates in
 * Paris time; no wall clock read here (the sheet carries "now" in its callability and integrity).
 */
export async function renderProofPdf(lead: BrokerLeadDetail, platform: PlatformIdentity, printedAt: Date): Promise<Uint8Array> {
  const product = productBySlug(lead.product)?.label ?? lead.product;
  const name = [lead.contact.firstName, lead.contact.lastName].filter(Boolean).join(" ") || "Prospect";
  const pdf = await PdfWriter.create({
    title: `Preuve de consentement — ${name}`,
    author: platform.name,
    subject: `Lead ${lead.leadId}`,
    createdAt: printedAt,
    footer: `${platform.name} — preuve de consentement du lead ${lead.leadId}`,
  });
  /** A table of what is known: each item and its value. */
  const facts = (item: string, rows: readonly (readonly Content[])[]) =>
    pdf.table({
      columns: [
        { header: item, width: 3 },
        { header: "Valeur", width: 7 },
      ],
      rows,
    });
  pdf.heading("Preuve de consentement", 1);
  pdf.paragraph(
    `Document établi le ${paris(printedAt)} par ${platform.name}, ${platform.address.replace(/\n/g, ", ")} (SIREN ${platform.siren}).`,
  );
  pdf.space(4);

  pdf.heading("Le prospect et sa demande", 2);
  facts("Champ", [
    ["Identifiant du lead", lead.leadId],
    ["Nom", name],
    ["Téléphone", orDash(lead.contact.phone)],
    ["E-mail", orDash(lead.contact.email)],
    ["Commune", orDash([lead.contact.postalCode, lead.contact.city].filter(Boolean).join(" "))],
    ["Produit", `${product} (${LEAD_TYPE_LABELS[lead.leadType]})`],
    ["Reçu par la plateforme le", paris(lead.receivedAt)],
    ["Source", SOURCE_LABELS[lead.source] ?? lead.source],
    ["Transmis au cabinet le", `${paris(lead.sale.soldAt)} — ${CHANNEL_LABELS[lead.sale.channel]}`],
  ]);

  pdf.heading("Le consentement", 2);
  const proof = lead.proof;
  if (!proof) {
    pdf.paragraph("Aucune preuve de consentement n'est enregistrée pour ce lead.", { callout: { background: "#fef2f2", bar: "#b91c1c" } });
  } else {
    const source: [string, string][] =
      proof.method === "oral"
        ? [
            ["Centre d'appels", orDash(proof.callCenter)],
            ["Téléconseiller", orDash(proof.agent)],
            ["Référence de l'enregistrement", orDash(proof.recordingRef)],
          ]
        : [
            ["Adresse IP publique", orDash(proof.ip)],
            ["Navigateur (user-agent)", orDash(proof.userAgent)],
            ["Page du formulaire (URL)", orDash(proof.sourceUrl)],
          ];
    facts("Élément", [
      ["Méthode", proof.method === "oral" ? "Consentement oral enregistré (centre d'appels)" : "Case à cocher sur un formulaire web"],
      [
        "Case pré-cochée",
        proof.method === "oral" ? "Sans objet" : proof.prechecked ? "OUI (non conforme)" : "Non — cochée par le prospect",
      ],
      ["Consentement donné le", paris(proof.collectedAt)],
      ["Enregistré par la plateforme le", paris(proof.recordedAt)],
      ...source,
      ["Version du texte", `${proof.text.version} — « ${proof.text.title} », publiée le ${paris(proof.text.publishedAt)}`],
      ["SHA-256 du texte", proof.text.sha256],
    ]);
    pdf.heading("Texte accepté, en entier", 3);
    pdf.paragraph(proof.text.body, { callout: { background: "#f8fafc", bar: "#94a3b8" } });
    pdf.heading("Partenaires désignés dans le texte", 3);
    if (proof.text.partners.length > 0) pdf.list(proof.text.partners);
    else pdf.paragraph("Aucun partenaire nommé.");
  }

  const rdv = lead.appointment;
  if (rdv) {
    pdf.heading("Le rendez-vous et son consentement renforcé", 2);
    facts("Élément", [
      ["Disponibilités du prospect", rdv.availabilities.map((d) => formatDateTimeFr(d)).join(" ; ")],
      ["Canal", rdv.channel === "visio" ? "Visioconférence" : "Téléphone"],
      ["Confirmation au prospect", rdv.confirmation === "sms" ? "SMS" : "E-mail"],
      ["Créneau confirmé", rdv.confirmedSlot ? paris(rdv.confirmedSlot) : "—"],
      ["Statut", RDV_STATUS[rdv.status] ?? rdv.status],
      ["Consentement à la transmission et au rendez-vous", `texte ${rdv.consentTextVersion}, donné le ${paris(rdv.consentCollectedAt)}`],
      ["Empreinte du rendez-vous (SHA-256)", rdv.fingerprint],
    ]);
  }

  pdf.heading("Vérification", 2);
  if (proof) {
    pdf.paragraph([{ text: "Empreinte (SHA-256) du consentement et de l'identité : ", style: "bold" }, { text: proof.fingerprint }]);
    pdf.paragraph(
      proof.fingerprintValid
        ? "Empreinte recalculée sur les données enregistrées aujourd'hui : identique."
        : "Empreinte recalculée sur les données enregistrées aujourd'hui : DIFFÉRENTE — les données ont été modifiées après leur enregistrement.",
    );
  }
  pdf.paragraph([{ text: "Intégrité : ", style: "bold" }, { text: INTEGRITY_VERDICT[lead.integrity.status] }], {
    callout: lead.integrity.status === "altered" ? { background: "#fef2f2", bar: "#b91c1c" } : { background: "#f0fdf4", bar: "#15803d" },
  });
  pdf.list(lead.integrity.checks.map((c) => `${c.state === "ok" ? "✔" : c.state === "pending" ? "…" : "✖"} ${c.message}`));
  pdf.paragraph(
    "Méthode : à sa réception, chaque lead est inscrit dans un journal d'audit chaîné (chaque événement contient l'empreinte du précédent) " +
      "et signé par l'application (HMAC, clé hors de la base). La tête de la chaîne est signée et conservée hors de la base de données " +
      "(points d'ancrage). La vérification ci-dessus recalcule l'empreinte, contrôle la signature de l'événement qui a enregistré le lead, " +
      "son scellement dans la chaîne et la chaîne jusqu'à un point d'ancrage signé. La commande « npm run audit:verify » refait ce contrôle pour tout le journal.",
    { size: 8, color: "#4b5563" },
  );

  if (lead.callability) {
    pdf.heading("Délai d'appel", 2);
    pdf.paragraph(
      `Un appel ne vaut sollicitation du prospect que s'il intervient dans les 30 jours suivant son consentement (Code des assurances, L112-2-2 et R112-7) : jusqu'au ${paris(lead.callability.deadline)}.`,
    );
  }
  return pdf.save();
}
