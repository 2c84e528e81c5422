import { addToIsoDate, parisToday } from "./dates";
import { productBySlug } from "./products";

/**
 * A realistic, valid value set per product, shared by the demo seed, tests, benchmarks and the CSV
 * template so that they all exercise the same data. Dates are relative to `now` so they never expire.
 */

type SampleBuilder = (inDays: (days: number) => string) => Record<string, unknown>;

const SAMPLES: Record<string, SampleBuilder> = {
  "credit-immobilier": () => ({
    typeProjet: "residence-principale",
    montantProjet: 285_000,
    apport: true,
    situationProfessionnelle: "salarie-prive",
    revenusMensuelsNets: 4_200,
    delaiProjet: "moins-6-mois",
  }),
  "rachat-credits": () => ({
    proprietaire: true,
    nombreCredits: 4,
    mensualitesActuelles: 1_350.5,
    montantRestantDu: 68_000,
    situationFamiliale: "marie",
    situationProfessionnelle: "fonctionnaire",
    revenusMensuels: 3_100,
  }),
  "credit-professionnel": () => ({
    statut: "existante",
    typeActivite: "Boulangerie-pâtisserie",
    montantRecherche: 120_000,
    usage: "materiel",
    ancienneteEntreprise: 6,
  }),
  "assurance-emprunteur": (inDays) => ({
    typeDemande: "changement",
    dateSignaturePret: inDays(-2 * 365),
    montantPret: 230_000,
    age: 38,
    fumeur: false,
  }),
  "mutuelle-sante": () => ({
    nombrePersonnes: 3,
    ageAssurePrincipal: 42,
    ageConjoint: 40,
    regime: "salarie",
    priorite: "dentaire",
  }),
  "mutuelle-entreprise": (inDays) => ({
    nombreSalaries: 12,
    secteurActivite: "Conseil informatique",
    conventionCollective: "Syntec (IDCC 1486)",
    dateMiseEnPlace: inDays(60),
  }),
  "prevoyance-tns": () => ({
    statut: "tns",
    activite: "Kinésithérapeute",
    revenusAnnuels: 62_000,
    objectif: "maintien-revenus",
  }),
  "assurance-auto": (inDays) => ({
    typeVehicule: "voiture",
    usage: "prive",
    bonusMalus: 0.68,
    dateEcheance: inDays(75),
  }),
  "assurance-habitation": (inDays) => ({
    statut: "locataire",
    typeLogement: "appartement",
    surface: 58,
    dateEcheance: inDays(40),
  }),
  "assurance-animaux": () => ({
    typeAnimal: "chien",
    race: "Berger australien",
    age: 3,
    identifie: true,
  }),
  "rc-pro": (inDays) => ({
    activite: "Consultant en marketing digital",
    statutJuridique: "sasu",
    chiffreAffairesAnnuel: 95_000,
    dateCreation: inDays(-3 * 365),
  }),
  "multirisque-pro": () => ({
    activite: "Salon de coiffure",
    surfaceLocaux: 70,
    valeurMateriel: 35_000,
    statut: "locataire",
  }),
  "rc-decennale": (inDays) => ({
    corpsMetier: "Plombier chauffagiste",
    dateCreationEntreprise: inDays(-5 * 365),
    chiffreAffaires: 180_000,
    zoneIntervention: ["13", "83", "84"],
  }),
  "dommage-ouvrage": (inDays) => ({
    typeProjet: "construction",
    montantTravaux: 320_000,
    maitreOuvrage: "particulier",
    dateDemarrageTravaux: inDays(90),
  }),
  "multirisque-immeuble": () => ({
    typeImmeuble: "copropriete",
    nombreLots: 24,
    usage: "habitation",
    valeurEstimee: "3m-10m",
  }),
  "assurance-obseques": () => ({
    ageAssure: 67,
    typeContrat: "capital",
    budgetMensuel: "20-40",
    rappelRapide: true,
  }),
  "assurance-vie-retraite": () => ({
    objectif: "retraite",
    montantInvestir: "20k-50k",
    versement: "mensuel",
    horizon: "plus-8-ans",
  }),
  defiscalisation: () => ({
    objectif: "reduire-impots",
    montantImpot: "5000-10000",
    capaciteInvestissement: "30k-75k",
    horizon: "long",
  }),
};

export function sampleFieldValues(slug: string, now: Date): Record<string, unknown> {
  const build = SAMPLES[slug];
  if (!build || !productBySlug(slug)) throw new Error(`Produit inconnu : ${slug}`);
  const today = parisToday(now);
  return build((days) => addToIsoDate(today, 0, days));
}

/** Contact and consent of the sample lead, as a supplier would send them. */
export const SAMPLE_CONTACT = {
  firstName: "Camille",
  lastName: "Martin",
  phone: "06 12 34 56 78",
  email: "camille.martin@example.fr",
  postalCode: "13001",
  city: "Marseille",
} as const;

export const SAMPLE_CONSENT = {
  method: "checkbox",
  prechecked: false,
  textVersion: "v1",
  ip: "82.64.123.45",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  sourceUrl: "https://www.exemple-comparateur.fr/devis",
} as const;
