/** How a notice, and the e-mail of a single lead, name a lead a brokerage got. */
export function saleTitle(lead: { type: "lead" | "rdv"; channel: "exclusive" | "marketplace"; productLabel: string }): string {
  return lead.channel === "exclusive"
    ? `Nouveau ${lead.type === "rdv" ? "RDV qualifié" : "lead"} exclusif : ${lead.productLabel}`
    : `${lead.type === "rdv" ? "RDV qualifié" : "Lead"} acheté : ${lead.productLabel}`;
}
