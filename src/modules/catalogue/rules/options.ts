import { opt } from "./define";
import type { DateBounds } from "./types";

/** Option lists and date bounds shared by several products. */

// The spec lists these options for rachat de crédits only; crédit immobilier asks the same question, so it reuses them.
export const SITUATION_PROFESSIONNELLE = [
  opt("fonctionnaire", "Fonctionnaire"),
  opt("profession-liberale", "Profession libérale", "liberal"),
  opt("chef-entreprise", "Chef d'entreprise", "dirigeant"),
  opt("salarie-prive", "Salarié(e) du privé", "salariee du prive", "salarie prive", "salarie", "salariee"),
  opt("artisan-commercant", "Artisan commerçant", "artisan", "commercant", "artisan ou commercant"),
  opt("retraite", "Retraité(e)", "retraitee"),
  opt("sans-emploi", "Sans emploi", "chomeur", "demandeur d'emploi"),
  opt("autre", "Autre"),
];

export const SITUATION_FAMILIALE = [
  opt("celibataire", "Célibataire"),
  opt("marie", "Marié(e)", "mariee"),
  opt("divorce", "Divorcé(e)", "divorcee"),
  opt("veuf", "Veuf(ve)", "veuve"),
  opt("union-libre", "Union libre", "concubinage"),
];

export const LOCATAIRE_PROPRIETAIRE = [opt("locataire", "Locataire"), opt("proprietaire", "Propriétaire")];

export const STATUT_JURIDIQUE = [
  opt("micro-entreprise", "Micro-entreprise (auto-entrepreneur)", "auto-entrepreneur", "auto entrepreneur", "micro"),
  opt("ei", "Entreprise individuelle (EI)", "entreprise individuelle", "eirl"),
  opt("eurl", "EURL"),
  opt("sarl", "SARL"),
  opt("sasu", "SASU"),
  opt("sas", "SAS"),
  opt("sa", "SA"),
  opt("snc", "SNC"),
  opt("selarl-selas", "Société d'exercice libéral (SELARL, SELAS…)", "selarl", "selas", "sel"),
  opt("association", "Association"),
  opt("autre", "Autre"),
];

// An échéance is yearly: the next one is within a year; a month in the past tolerates a lead typed just after it.
export const ECHEANCE: DateBounds = { minDaysFromNow: -31, maxDaysFromNow: 366 };
// Company creation: up to 150 years back, and a year ahead for companies being registered.
export const CREATION_ENTREPRISE: DateBounds = { minYearsFromNow: -150, maxYearsFromNow: 1 };
