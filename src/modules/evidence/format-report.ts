import type { EvidenceReport } from "./verify-evidence";

const n = (x: number) => x.toLocaleString("fr-FR");

const KIND_LABELS = {
  event: "Événements",
  chain: "Chaîne",
  checkpoint: "Points d'ancrage",
  lead: "Leads",
  consent: "Preuves de consentement",
  consent_text: "Textes de consentement",
  sale: "Ventes",
  ledger: "Crédits (mouvements et soldes)",
} as const;

/** The verifier's verdict in French, one line per problem, grouped by what they are about. */
export function formatReport(r: EvidenceReport, run: { sealedNow: number; seconds: number; folders: string[] }) {
  const anchor = r.checkpoints.anchoredAt
    ? `ancrée jusqu'à la position ${n(r.checkpoints.anchoredAt.position)} (point d'ancrage du ${r.checkpoints.anchoredAt.at.toISOString()})`
    : "AUCUN point d'ancrage ne la confirme";
  const others = r.checkpoints.otherChains ? `, dont ${n(r.checkpoints.otherChains)} d'une autre base (ignorés)` : "";
  const summary = [
    `événements scellés : ${n(r.sealed)} (à l'instant : ${n(run.sealedNow)} ; en attente : ${n(r.unsealed)}), chaîne ${anchor}`,
    `leads vérifiés : ${n(r.leads.verified)} sur ${n(r.leads.stored)}`,
    `textes de consentement vérifiés : ${n(r.consentTexts)}`,
    `points d'ancrage lus : ${n(r.checkpoints.read)}${others} (${run.folders.join(", ")})`,
    `durée : ${run.seconds.toFixed(1)} s`,
  ].join(" ; ");
  // A chain nothing anchors proves nothing against someone who rewrote it whole.
  const unanchored = r.sealed > 0 && !r.checkpoints.anchoredAt;
  if (r.ok && !unanchored) return { ok: true, text: `Preuves intègres : ${summary}.` };
  const count = r.problemCount + (unanchored ? 1 : 0);
  const lines = [`PREUVES ALTÉRÉES : ${n(count)} problème${count > 1 ? "s" : ""}. ${summary}.`];
  if (unanchored)
    lines.push("", "Chaîne", "  - aucun point d'ancrage lisible ne confirme la chaîne : dossier AUDIT_CHECKPOINT_DIR vide ou perdu ?");
  for (const kind of Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]) {
    const found = r.problems.filter((p) => p.kind === kind);
    if (found.length === 0) continue;
    lines.push("", KIND_LABELS[kind]);
    for (const p of found) lines.push(`  - ${p.ref} : ${p.message}`);
  }
  if (r.problemCount > r.problems.length) lines.push("", `… et ${n(r.problemCount - r.problems.length)} autres problèmes.`);
  return { ok: false, text: lines.join("\n") };
}
