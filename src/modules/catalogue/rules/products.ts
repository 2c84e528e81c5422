import { CAPACITE_INVESTISSEMENT, IMPOT_ANNUEL, MONTANT_A_INVESTIR } from "./bands";
import { amount, bands, choice, integer, opt, PRODUCT_SLUGS, type ProductSlug, product, text, yesNo } from "./define";
import { SITUATION_FAMILIALE, SITUATION_PROFESSIONNELLE } from "./options";
import { ASSURANCE_PRODUCTS } from "./products-assurance";
import type { ProductDefinition, ProductGroup } from "./types";

/** The official catalogue (spec sections 2 and 4): mandatory fields only, to keep forms short. */

export const PRODUCT_GROUPS: readonly ProductGroup[] = [
  { key: "credit", label: "Crédit" },
  { key: "assurance", label: "Assurance" },
  { key: "epargne", label: "Épargne / Retraite / Patrimoine" },
];

export const PRODUCTS: readonly ProductDefinition[] = [
  product({
    slug: "credit-immobilier",
    label: "Crédit immobilier",
    group: "credit",
    rdvAvailable: true,
    fields: [
      choice("typeProjet", "Type de projet", [
        opt("residence-principale", "Résidence principale", "rp"),
        opt("locatif", "Locatif", "investissement locatif"),
      ]),
      amount("montantProjet", "Montant du projet", 10_000, 10_000_000),
      yesNo("apport", "Apport"),
      choice("situationProfessionnelle", "Situation professionnelle", SITUATION_PROFESSIONNELLE),
      amount("revenusMensuelsNets", "Revenus mensuels nets", 0, 500_000),
      choice("delaiProjet", "Délai du projet", [
        opt("immediat", "Immédiat"),
        opt("moins-6-mois", "Moins de 6 mois", "< 6 mois", "<6 mois"),
        opt("plus-6-mois", "Plus de 6 mois", "> 6 mois", ">6 mois"),
      ]),
    ],
  }),
  product({
    slug: "rachat-credits",
    label: "Rachat / regroupement de crédits",
    group: "credit",
    rdvAvailable: true,
    fields: [
      yesNo("proprietaire", "Propriétaire"),
      integer("nombreCredits", "Nombre de crédits en cours", 1, 30, "crédits"),
      amount("mensualitesActuelles", "Montant total des mensualités actuelles", 1, 100_000),
      amount("montantRestantDu", "Montant total restant à rembourser", 1, 5_000_000),
      choice("situationFamiliale", "Situation familiale", SITUATION_FAMILIALE),
      choice("situationProfessionnelle", "Situation professionnelle", SITUATION_PROFESSIONNELLE),
      amount("revenusMensuels", "Revenus mensuels", 0, 500_000),
    ],
  }),
  product({
    slug: "credit-professionnel",
    label: "Crédit professionnel",
    group: "credit",
    rdvAvailable: true,
    fields: [
      choice("statut", "Statut", [
        opt("creation", "Création", "en creation", "creation d'entreprise"),
        opt("existante", "Entreprise existante", "existant"),
      ]),
      text("typeActivite", "Type d'activité"),
      amount("montantRecherche", "Montant recherché", 1_000, 50_000_000),
      choice("usage", "Usage", [opt("materiel", "Matériel"), opt("tresorerie", "Trésorerie"), opt("local", "Local")]),
      integer("ancienneteEntreprise", "Ancienneté de l'entreprise", 0, 200, "ans", {
        requiredWhen: { field: "statut", equals: "existante" },
        help: "Obligatoire si l'entreprise existe déjà",
      }),
    ],
  }),
  ...ASSURANCE_PRODUCTS,
  product({
    slug: "assurance-vie-retraite",
    label: "Assurance vie & retraite (PER / épargne)",
    group: "epargne",
    rdvAvailable: true,
    fields: [
      choice("objectif", "Objectif principal", [
        opt("epargne", "Épargne"),
        opt("retraite", "Préparer sa retraite", "preparer retraite", "retraite"),
        opt("transmission", "Transmission"),
      ]),
      bands("montantInvestir", "Montant à investir", "€", MONTANT_A_INVESTIR, {
        help: "Versement mensuel : indiquer le total sur un an",
      }),
      choice("versement", "Versement", [opt("ponctuel", "Ponctuel"), opt("mensuel", "Mensuel")]),
      choice("horizon", "Horizon", [
        opt("1-3-ans", "1 à 3 ans", "1-3 ans"),
        opt("3-8-ans", "3 à 8 ans", "3-8 ans"),
        opt("plus-8-ans", "8 ans et plus", "8+ ans", "plus de 8 ans"),
      ]),
    ],
  }),
  product({
    slug: "defiscalisation",
    label: "Défiscalisation (leads patrimoniaux)",
    group: "epargne",
    rdvAvailable: true,
    fields: [
      choice("objectif", "Objectif", [
        opt("reduire-impots", "Réduire ses impôts", "reduire impots", "reduire mes impots"),
        opt("retraite", "Préparer sa retraite", "preparer retraite", "retraite"),
        opt("investissement-immobilier", "Investissement immobilier", "immobilier"),
      ]),
      bands("montantImpot", "Montant d'impôt annuel", "€", IMPOT_ANNUEL),
      bands("capaciteInvestissement", "Capacité d'investissement", "€", CAPACITE_INVESTISSEMENT, {
        help: "Épargne ou apport mobilisable",
      }),
      choice("horizon", "Horizon", [
        opt("court", "Court terme (moins de 3 ans)", "court terme"),
        opt("moyen", "Moyen terme (3 à 8 ans)", "moyen terme"),
        opt("long", "Long terme (plus de 8 ans)", "long terme"),
      ]),
    ],
  }),
];

export { PRODUCT_SLUGS, type ProductSlug };

const BY_SLUG = new Map(PRODUCTS.map((p) => [p.slug, p]));

export function productBySlug(slug: string): ProductDefinition | undefined {
  return BY_SLUG.get(slug);
}

export function isProductSlug(slug: string): slug is ProductSlug {
  return BY_SLUG.has(slug);
}
