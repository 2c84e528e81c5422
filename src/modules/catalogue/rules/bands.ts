import { band } from "./define";

/**
 * Tranches for the fields the spec asks as bands. The reasons behind each cut are in
 * docs/catalogue-bands.md: change both together. Values are stable API identifiers.
 */

const NE_SAIT_PAS = band("ne-sait-pas", "Je ne sais pas", undefined, undefined, "ne sait pas", "nsp", "inconnu");

export const VALEUR_IMMEUBLE = [
  band("moins-500k", "Moins de 500 000 €", 0, 500_000),
  band("500k-1m", "De 500 000 € à 1 M€", 500_000, 1_000_000),
  band("1m-3m", "De 1 M€ à 3 M€", 1_000_000, 3_000_000),
  band("3m-10m", "De 3 M€ à 10 M€", 3_000_000, 10_000_000),
  band("plus-10m", "Plus de 10 M€", 10_000_000),
];

export const BUDGET_OBSEQUES = [
  band("moins-20", "Moins de 20 € / mois", 0, 20),
  band("20-40", "De 20 à 40 € / mois", 20, 40),
  band("40-60", "De 40 à 60 € / mois", 40, 60),
  band("60-100", "De 60 à 100 € / mois", 60, 100),
  band("plus-100", "Plus de 100 € / mois", 100),
];

export const MONTANT_A_INVESTIR = [
  band("moins-5k", "Moins de 5 000 €", 0, 5_000),
  band("5k-20k", "De 5 000 à 20 000 €", 5_000, 20_000),
  band("20k-50k", "De 20 000 à 50 000 €", 20_000, 50_000),
  band("50k-150k", "De 50 000 à 150 000 €", 50_000, 150_000),
  band("150k-500k", "De 150 000 à 500 000 €", 150_000, 500_000),
  band("plus-500k", "Plus de 500 000 €", 500_000),
];

export const IMPOT_ANNUEL = [
  band("moins-2500", "Moins de 2 500 €", 0, 2_500),
  band("2500-5000", "De 2 500 à 5 000 €", 2_500, 5_000),
  band("5000-10000", "De 5 000 à 10 000 €", 5_000, 10_000),
  band("10000-20000", "De 10 000 à 20 000 €", 10_000, 20_000),
  band("plus-20000", "Plus de 20 000 €", 20_000),
  NE_SAIT_PAS,
];

export const CAPACITE_INVESTISSEMENT = [
  band("moins-10k", "Moins de 10 000 €", 0, 10_000),
  band("10k-30k", "De 10 000 à 30 000 €", 10_000, 30_000),
  band("30k-75k", "De 30 000 à 75 000 €", 30_000, 75_000),
  band("75k-150k", "De 75 000 à 150 000 €", 75_000, 150_000),
  band("plus-150k", "Plus de 150 000 €", 150_000),
];
