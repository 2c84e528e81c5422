/**
 * Insurance product lines a contract can be on, with the supporting documents the agency must
 * hold in the GED for each. The documents drive both the pre-call checklist and the
 * "pièce manquante" proposals during the call, so a line's list is the compliance standard.
 */

export interface SupportingDocument {
  readonly key: string;
  readonly label: string;
}

/** One catalogue so the same piece has the same key and label on every line that needs it. */
export const DOCUMENTS = {
  cni: { key: "cni", label: "Pièce d'identité (CNI ou passeport)" },
  cni_dirigeant: { key: "cni_dirigeant", label: "Pièce d'identité du dirigeant" },
  justificatif_domicile: { key: "justificatif_domicile", label: "Justificatif de domicile de moins de 3 mois" },
  rib: { key: "rib", label: "RIB" },
  carte_grise: { key: "carte_grise", label: "Carte grise (certificat d'immatriculation)" },
  cartes_grises: { key: "cartes_grises", label: "Cartes grises des véhicules" },
  permis_conduire: { key: "permis_conduire", label: "Permis de conduire" },
  releve_information: { key: "releve_information", label: "Relevé d'information de l'ancien assureur" },
  releve_information_flotte: { key: "releve_information_flotte", label: "Relevé de sinistralité de la flotte" },
  bail_ou_titre: { key: "bail_ou_titre", label: "Bail ou titre de propriété" },
  attestation_droits_secu: { key: "attestation_droits_secu", label: "Attestation de droits à l'Assurance maladie" },
  questionnaire_sante: { key: "questionnaire_sante", label: "Questionnaire ou déclaration de santé" },
  justificatif_revenus: { key: "justificatif_revenus", label: "Justificatif de revenus (avis d'imposition ou bilan)" },
  offre_pret: { key: "offre_pret", label: "Offre de prêt et tableau d'amortissement" },
  profil_investisseur: { key: "profil_investisseur", label: "Questionnaire connaissance client / profil investisseur" },
  origine_fonds: { key: "origine_fonds", label: "Justificatif d'origine des fonds" },
  avis_imposition: { key: "avis_imposition", label: "Dernier avis d'imposition" },
  identification_animal: {
    key: "identification_animal",
    label: "Certificat d'identification de l'animal (puce ou tatouage)",
  },
  carnet_sante_animal: { key: "carnet_sante_animal", label: "Carnet de santé / de vaccination de l'animal" },
  kbis: { key: "kbis", label: "Extrait Kbis ou avis de situation INSEE" },
  bail_commercial_ou_titre: {
    key: "bail_commercial_ou_titre",
    label: "Bail commercial ou titre de propriété des locaux",
  },
  releve_sinistralite: { key: "releve_sinistralite", label: "Relevé de sinistralité des 3 dernières années" },
  attestations_qualification: {
    key: "attestations_qualification",
    label: "Attestations de qualification (diplômes, certificats, expérience)",
  },
  liste_personnel: { key: "liste_personnel", label: "Liste du personnel / effectif (DSN)" },
  acte_juridique_collectif: {
    key: "acte_juridique_collectif",
    label: "Acte de mise en place (DUE, accord collectif ou référendum)",
  },
  titre_ou_mandat_syndic: { key: "titre_ou_mandat_syndic", label: "Titre de propriété ou mandat du syndic" },
  permis_construire: { key: "permis_construire", label: "Permis de construire" },
  declaration_ouverture_chantier: {
    key: "declaration_ouverture_chantier",
    label: "Déclaration d'ouverture de chantier",
  },
  attestations_decennales_intervenants: {
    key: "attestations_decennales_intervenants",
    label: "Attestations décennales des entreprises intervenantes",
  },
} as const satisfies Record<string, SupportingDocument>;

export type DocumentKey = keyof typeof DOCUMENTS;

export type ProductMarket = "particulier" | "professionnel";

export interface ProductLineDefinition {
  readonly key: string;
  readonly label: string;
  /** How the line reads in a sentence after "pour …" in the call script. */
  readonly phrase: string;
  readonly market: ProductMarket;
  readonly documents: readonly SupportingDocument[];
}

const d = DOCUMENTS;

export const PRODUCT_LINES = [
  {
    key: "auto",
    label: "Auto",
    phrase: "votre auto",
    market: "particulier",
    documents: [d.carte_grise, d.permis_conduire, d.releve_information, d.cni],
  },
  {
    key: "moto",
    label: "Moto / deux-roues",
    phrase: "votre deux-roues",
    market: "particulier",
    documents: [d.carte_grise, d.permis_conduire, d.releve_information, d.cni],
  },
  {
    key: "habitation",
    label: "Habitation (MRH)",
    phrase: "votre habitation",
    market: "particulier",
    documents: [d.cni, d.bail_ou_titre],
  },
  {
    key: "sante",
    label: "Santé (complémentaire)",
    phrase: "votre complémentaire santé",
    market: "particulier",
    documents: [d.cni, d.attestation_droits_secu, d.rib],
  },
  {
    key: "prevoyance",
    label: "Prévoyance",
    phrase: "votre prévoyance",
    market: "particulier",
    documents: [d.cni, d.questionnaire_sante, d.justificatif_revenus],
  },
  {
    key: "emprunteur",
    label: "Assurance emprunteur",
    phrase: "votre assurance de prêt",
    market: "particulier",
    documents: [d.cni, d.offre_pret, d.questionnaire_sante],
  },
  {
    key: "protection_juridique",
    label: "Protection juridique (PJ)",
    phrase: "votre protection juridique",
    market: "particulier",
    documents: [d.cni],
  },
  {
    key: "gav",
    label: "Garantie des accidents de la vie (GAV)",
    phrase: "votre garantie accidents de la vie",
    market: "particulier",
    documents: [d.cni],
  },
  {
    key: "assurance_vie",
    label: "Assurance vie",
    phrase: "votre assurance vie",
    market: "particulier",
    documents: [d.cni, d.justificatif_domicile, d.rib, d.profil_investisseur, d.origine_fonds],
  },
  {
    key: "per",
    label: "PER / retraite",
    phrase: "votre épargne retraite",
    market: "particulier",
    documents: [d.cni, d.justificatif_domicile, d.rib, d.profil_investisseur],
  },
  {
    key: "obseques",
    label: "Obsèques",
    phrase: "votre contrat obsèques",
    market: "particulier",
    documents: [d.cni, d.rib],
  },
  {
    key: "animaux",
    label: "Animaux (chien, chat)",
    phrase: "votre animal",
    market: "particulier",
    documents: [d.cni, d.identification_animal, d.carnet_sante_animal],
  },
  {
    key: "defiscalisation",
    label: "Défiscalisation",
    phrase: "votre placement de défiscalisation",
    market: "particulier",
    documents: [d.cni, d.avis_imposition, d.justificatif_domicile, d.profil_investisseur],
  },
  {
    key: "rc_pro",
    label: "Responsabilité civile professionnelle (RC pro)",
    phrase: "votre responsabilité civile professionnelle",
    market: "professionnel",
    documents: [d.kbis, d.cni_dirigeant, d.attestations_qualification],
  },
  {
    key: "multirisque_pro",
    label: "Multirisque professionnelle",
    phrase: "vos locaux professionnels",
    market: "professionnel",
    documents: [d.kbis, d.bail_commercial_ou_titre, d.releve_sinistralite],
  },
  {
    key: "rc_decennale",
    label: "RC décennale",
    phrase: "votre garantie décennale",
    market: "professionnel",
    documents: [d.kbis, d.attestations_qualification, d.releve_sinistralite, d.cni_dirigeant],
  },
  {
    key: "flotte_automobile",
    label: "Flotte automobile",
    phrase: "votre flotte de véhicules",
    market: "professionnel",
    documents: [d.kbis, d.cartes_grises, d.releve_information_flotte],
  },
  {
    key: "sante_prevoyance_collective",
    label: "Mutuelle / prévoyance collective",
    phrase: "la mutuelle et la prévoyance de vos salariés",
    market: "professionnel",
    documents: [d.kbis, d.liste_personnel, d.acte_juridique_collectif],
  },
  {
    key: "multirisque_immeuble",
    label: "Multirisque immeuble",
    phrase: "votre immeuble",
    market: "professionnel",
    documents: [d.titre_ou_mandat_syndic, d.releve_sinistralite],
  },
  {
    key: "dommage_ouvrage",
    label: "Dommage-ouvrage",
    phrase: "votre chantier (dommage-ouvrage)",
    market: "particulier",
    documents: [d.cni, d.permis_construire, d.declaration_ouverture_chantier, d.attestations_decennales_intervenants],
  },
] as const satisfies readonly ProductLineDefinition[];

export type ProductLine = (typeof PRODUCT_LINES)[number]["key"];

export const PRODUCT_LINE_KEYS: readonly ProductLine[] = PRODUCT_LINES.map((l) => l.key);

const BY_KEY = new Map<string, ProductLineDefinition>(PRODUCT_LINES.map((l) => [l.key, l]));

export function isProductLine(value: unknown): value is ProductLine {
  return typeof value === "string" && BY_KEY.has(value);
}

export function productLine(key: ProductLine): ProductLineDefinition {
  // The map is built from the same literal the type comes from, so the key is always there.
  return BY_KEY.get(key) as ProductLineDefinition;
}

export function productLineLabel(key: ProductLine): string {
  return productLine(key).label;
}

export function requiredDocuments(key: ProductLine): readonly SupportingDocument[] {
  return productLine(key).documents;
}

/** French enumeration: "a", "a et b", "a, b et c". */
export function joinFrench(parts: readonly string[], conjunction = "et"): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts[parts.length - 1]}`;
}
