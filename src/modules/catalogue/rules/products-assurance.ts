import { BUDGET_OBSEQUES, VALEUR_IMMEUBLE } from "./bands";
import { amount, bands, choice, date, decimal, departements, integer, opt, product, text, yesNo } from "./define";
import { CREATION_ENTREPRISE, ECHEANCE, LOCATAIRE_PROPRIETAIRE, STATUT_JURIDIQUE } from "./options";
import type { ProductDefinition } from "./types";

/** The 13 products of the "Assurance" group (spec 4.4 to 4.16), split out to keep files readable. */

export const ASSURANCE_PRODUCTS: readonly ProductDefinition[] = [
  product({
    slug: "assurance-emprunteur",
    label: "Assurance emprunteur",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      choice("typeDemande", "Type de demande", [
        opt("changement", "Changement d'assurance", "changement"),
        opt("nouveau-pret", "Nouveau prêt"),
      ]),
      // Past for a change of insurer (loans run up to ~30 years), near future for a new loan.
      date("dateSignaturePret", "Date de signature du prêt", { minYearsFromNow: -30, maxYearsFromNow: 2 }),
      amount("montantPret", "Montant du prêt", 1_000, 10_000_000),
      integer("age", "Âge", 18, 90, "ans"),
      yesNo("fumeur", "Fumeur"),
    ],
  }),
  product({
    slug: "mutuelle-sante",
    label: "Mutuelle santé individuelle",
    group: "assurance",
    rdvAvailable: false,
    fields: [
      integer("nombrePersonnes", "Nombre de personnes à couvrir", 1, 15, "personnes"),
      // Premiums follow the adults' ages; children are priced flat, so the count above is enough for them.
      integer("ageAssurePrincipal", "Âge de l'assuré principal", 18, 110, "ans"),
      integer("ageConjoint", "Âge du conjoint", 18, 110, "ans", {
        required: false,
        help: "À renseigner si le conjoint est couvert",
      }),
      choice("regime", "Régime", [
        opt("salarie", "Salarié", "salariee"),
        opt("tns", "TNS (travailleur non salarié)", "travailleur non salarie", "independant"),
        opt("retraite", "Retraité", "retraitee"),
      ]),
      choice("priorite", "Priorité", [opt("optique", "Optique"), opt("dentaire", "Dentaire"), opt("hospitalisation", "Hospitalisation")]),
    ],
  }),
  product({
    slug: "mutuelle-entreprise",
    label: "Mutuelle d'entreprise",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      integer("nombreSalaries", "Nombre de salariés", 1, 500_000, "salariés"),
      text("secteurActivite", "Secteur d'activité"),
      text("conventionCollective", "Convention collective", 200, {
        required: false,
        help: "Si connue : intitulé ou numéro IDCC",
      }),
      date("dateMiseEnPlace", "Date souhaitée de mise en place", { minDaysFromNow: -31, maxYearsFromNow: 2 }),
    ],
  }),
  product({
    slug: "prevoyance-tns",
    label: "Prévoyance TNS / dirigeants",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      choice("statut", "Statut", [
        opt("tns", "TNS (travailleur non salarié)", "travailleur non salarie", "independant"),
        opt("dirigeant", "Dirigeant", "dirigeant assimile salarie"),
      ]),
      text("activite", "Activité"),
      amount("revenusAnnuels", "Revenus annuels", 0, 50_000_000),
      choice("objectif", "Objectif", [
        opt("maintien-revenus", "Maintien de revenus", "maintien des revenus"),
        opt("famille", "Protection de la famille", "famille"),
      ]),
    ],
  }),
  product({
    slug: "assurance-auto",
    label: "Assurance auto",
    group: "assurance",
    rdvAvailable: false,
    fields: [
      choice("typeVehicule", "Type de véhicule", [
        opt("voiture", "Voiture particulière", "voiture", "vp", "automobile"),
        opt("utilitaire", "Utilitaire", "vul", "camionnette"),
        opt("deux-roues", "Moto / scooter", "moto", "scooter", "2 roues"),
        opt("voiture-sans-permis", "Voiture sans permis", "vsp"),
        opt("camping-car", "Camping-car"),
        opt("autre", "Autre"),
      ]),
      choice("usage", "Usage", [opt("prive", "Privé"), opt("pro", "Professionnel", "professionnel")]),
      // The French CRM coefficient: 0.50 (maximum bonus) to 3.50 (maximum malus).
      decimal("bonusMalus", "Bonus/malus (coefficient)", 0.5, 3.5, 2, { help: "Coefficient entre 0,50 et 3,50" }),
      date("dateEcheance", "Date d'échéance", ECHEANCE),
    ],
  }),
  product({
    slug: "assurance-habitation",
    label: "Assurance habitation (MRH)",
    group: "assurance",
    rdvAvailable: false,
    fields: [
      choice("statut", "Statut", LOCATAIRE_PROPRIETAIRE),
      choice("typeLogement", "Type de logement", [opt("appartement", "Appartement"), opt("maison", "Maison")]),
      integer("surface", "Surface", 5, 2_000, "m²"),
      date("dateEcheance", "Date d'échéance", ECHEANCE),
    ],
  }),
  product({
    slug: "assurance-animaux",
    label: "Assurance chiens & chats",
    group: "assurance",
    rdvAvailable: false,
    fields: [
      choice("typeAnimal", "Type d'animal", [opt("chien", "Chien"), opt("chat", "Chat")]),
      text("race", "Race", 100, { help: "Indiquer « croisé » si l'animal n'est pas de race" }),
      integer("age", "Âge", 0, 30, "ans"),
      yesNo("identifie", "Identifié (puce ou tatouage)"),
    ],
  }),
  product({
    slug: "rc-pro",
    label: "RC Pro",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      text("activite", "Activité"),
      choice("statutJuridique", "Statut juridique", STATUT_JURIDIQUE),
      amount("chiffreAffairesAnnuel", "Chiffre d'affaires annuel", 0, 1_000_000_000),
      date("dateCreation", "Date de création", CREATION_ENTREPRISE),
    ],
  }),
  product({
    slug: "multirisque-pro",
    label: "Multirisque professionnelle",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      text("activite", "Activité"),
      integer("surfaceLocaux", "Surface des locaux", 1, 1_000_000, "m²"),
      amount("valeurMateriel", "Valeur du matériel (approx.)", 0, 1_000_000_000),
      choice("statut", "Statut", LOCATAIRE_PROPRIETAIRE),
    ],
  }),
  product({
    slug: "rc-decennale",
    label: "RC Décennale",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      text("corpsMetier", "Corps de métier"),
      date("dateCreationEntreprise", "Date de création de l'entreprise", CREATION_ENTREPRISE),
      amount("chiffreAffaires", "Chiffre d'affaires", 0, 1_000_000_000),
      departements("zoneIntervention", "Zone d'intervention (départements)"),
    ],
  }),
  product({
    slug: "dommage-ouvrage",
    label: "Dommage Ouvrage",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      choice("typeProjet", "Type de projet", [opt("construction", "Construction"), opt("renovation", "Rénovation")]),
      amount("montantTravaux", "Montant des travaux", 1_000, 500_000_000),
      choice("maitreOuvrage", "Maître d'ouvrage", [opt("particulier", "Particulier"), opt("pro", "Professionnel", "professionnel")]),
      // Works may already have started (late subscription still happens) or start within a few years.
      date("dateDemarrageTravaux", "Date de démarrage des travaux", { minYearsFromNow: -1, maxYearsFromNow: 3 }),
    ],
  }),
  product({
    slug: "multirisque-immeuble",
    label: "Multirisque Immeuble",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      choice("typeImmeuble", "Type d'immeuble", [
        opt("copropriete", "Copropriété"),
        opt("mono-propriete", "Mono-propriété", "monopropriete"),
      ]),
      integer("nombreLots", "Nombre de lots", 1, 10_000, "lots"),
      choice("usage", "Usage", [opt("habitation", "Habitation"), opt("mixte", "Mixte")]),
      bands("valeurEstimee", "Valeur estimée", "€", VALEUR_IMMEUBLE),
    ],
  }),
  product({
    slug: "assurance-obseques",
    label: "Assurance obsèques",
    group: "assurance",
    rdvAvailable: true,
    fields: [
      integer("ageAssure", "Âge de l'assuré", 18, 110, "ans"),
      choice("typeContrat", "Type de contrat souhaité", [
        opt("capital", "Capital"),
        opt("prestations", "Prestations"),
        opt("ne-sait-pas", "Je ne sais pas", "ne sait pas", "nsp"),
      ]),
      bands("budgetMensuel", "Budget mensuel", "€/mois", BUDGET_OBSEQUES),
      yesNo("rappelRapide", "Souhaite être contacté rapidement"),
    ],
  }),
];
