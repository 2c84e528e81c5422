/**
 * What a column of a CRM export can be mapped to. The aliases are the header names seen in French
 * CRM exports (Lagon, Excel sheets of agencies…), used to suggest the mapping; the user confirms it.
 */

export type ImportFieldKey =
  | "clientRef"
  | "type"
  | "isTns"
  | "civility"
  | "lastName"
  | "firstName"
  | "companyName"
  | "birthDate"
  | "addressLine"
  | "postalCode"
  | "city"
  | "phone"
  | "email"
  | "maritalStatus"
  | "professionalStatus"
  | "childrenCount"
  | "housing"
  | "vehicleCount"
  | "petSpecies"
  | "incomeTaxRate"
  | "legalForm"
  | "managerRole"
  | "siret"
  | "nafCode"
  | "activity"
  | "annualRevenue"
  | "headcount"
  | "managerName"
  | "insuranceContactName"
  | "origin"
  | "agency"
  | "accountManager"
  | "contractRef"
  | "productLine"
  | "isOurs"
  | "insurerName"
  | "startDate"
  | "renewalDate"
  | "premium"
  | "seller"
  | "dpSigned"
  | "quoteSigned"
  | "documentsProvided"
  | "summary";

export interface ImportField {
  key: ImportFieldKey;
  label: string;
  group: "client" | "contract";
  aliases: readonly string[];
}

const f = (key: ImportFieldKey, label: string, group: ImportField["group"], aliases: string[]): ImportField => ({
  key,
  label,
  group,
  aliases,
});

export const IMPORT_FIELDS: readonly ImportField[] = [
  f("clientRef", "Référence client (CRM)", "client", [
    "ref client",
    "reference client",
    "num client",
    "numero client",
    "code client",
    "id client",
    "client id",
    "identifiant client",
    "n client",
  ]),
  f("type", "Type de client", "client", ["type client", "type", "categorie client", "nature client", "type de personne"]),
  f("isTns", "TNS", "client", ["tns", "travailleur non salarie", "statut tns"]),
  f("civility", "Civilité", "client", ["civilite", "titre", "civ"]),
  f("lastName", "Nom", "client", ["nom", "nom client", "nom de famille", "nom assure", "nom souscripteur"]),
  f("firstName", "Prénom", "client", ["prenom", "prenom client", "prenom assure"]),
  f("companyName", "Raison sociale", "client", [
    "raison sociale",
    "societe",
    "denomination",
    "nom entreprise",
    "entreprise",
    "nom societe",
  ]),
  f("birthDate", "Date de naissance", "client", ["date naissance", "date de naissance", "naissance", "ne le", "date naiss", "ddn"]),
  f("addressLine", "Adresse", "client", ["adresse", "adresse 1", "adresse ligne 1", "rue", "voie", "adresse postale"]),
  f("postalCode", "Code postal", "client", ["code postal", "cp", "code post"]),
  f("city", "Ville", "client", ["ville", "commune", "localite"]),
  f("phone", "Téléphone", "client", ["telephone", "tel", "portable", "mobile", "tel portable", "tel mobile", "numero telephone", "gsm"]),
  f("email", "E-mail", "client", ["email", "e mail", "mail", "courriel", "adresse mail", "adresse email"]),
  f("maritalStatus", "Situation matrimoniale", "client", ["situation familiale", "situation matrimoniale", "etat civil", "statut marital"]),
  f("professionalStatus", "Situation professionnelle", "client", [
    "situation professionnelle",
    "situation pro",
    "csp",
    "statut professionnel",
    "profession",
  ]),
  f("childrenCount", "Nombre d'enfants", "client", ["enfants", "nb enfants", "nombre enfants", "nombre d enfants"]),
  f("housing", "Logement", "client", ["logement", "statut logement", "proprietaire locataire", "habitation statut"]),
  f("vehicleCount", "Nombre de véhicules", "client", ["vehicules", "nb vehicules", "nombre vehicules"]),
  f("petSpecies", "Animaux (espèces)", "client", ["animaux", "animal", "animaux domestiques", "especes", "animaux de compagnie"]),
  f("incomeTaxRate", "Tranche marginale d'imposition", "client", [
    "tmi",
    "tranche marginale",
    "tranche marginale d imposition",
    "tranche d imposition",
    "tranche imposition",
    "taux marginal",
    "tranche ir",
  ]),
  f("siret", "SIRET / SIREN", "client", ["siret", "siren", "n siret", "numero siret"]),
  f("nafCode", "Code NAF", "client", ["naf", "code naf", "ape", "code ape", "naf ape"]),
  f("activity", "Activité exacte", "client", ["activite", "activite exacte", "metier", "secteur activite"]),
  f("annualRevenue", "Chiffre d'affaires", "client", ["chiffre affaires", "chiffre d affaires", "ca", "ca annuel"]),
  f("headcount", "Effectif", "client", ["effectif", "nb salaries", "nombre salaries", "salaries"]),
  f("legalForm", "Forme juridique", "client", ["forme juridique", "statut juridique", "forme sociale", "forme"]),
  f("managerRole", "Qualité du dirigeant", "client", [
    "qualite dirigeant",
    "qualite du dirigeant",
    "mandat",
    "fonction dirigeant",
    "qualite",
  ]),
  f("managerName", "Gérant / dirigeant", "client", ["gerant", "dirigeant", "nom gerant", "nom du gerant", "nom dirigeant", "decideur"]),
  f("insuranceContactName", "Interlocuteur assurances", "client", [
    "interlocuteur assurances",
    "contact assurances",
    "interlocuteur",
    "gestionnaire assurances",
  ]),
  f("origin", "Origine", "client", ["origine", "source", "provenance", "origine client", "canal"]),
  f("agency", "Agence", "client", ["agence", "point de vente", "bureau"]),
  f("accountManager", "Chargé de clientèle", "client", [
    "charge de clientele",
    "charge clientele",
    "gestionnaire",
    "conseiller",
    "chargee de clientele",
    "suivi par",
  ]),
  f("contractRef", "Référence contrat", "contract", [
    "ref contrat",
    "reference contrat",
    "num contrat",
    "numero contrat",
    "n contrat",
    "police",
    "numero police",
    "n police",
  ]),
  f("productLine", "Produit / branche", "contract", [
    "produit",
    "branche",
    "type contrat",
    "garantie",
    "risque",
    "famille produit",
    "type de contrat",
  ]),
  f("isOurs", "Contrat de l'agence", "contract", ["chez nous", "contrat agence", "contrat cabinet", "detenu agence"]),
  f("insurerName", "Compagnie", "contract", ["compagnie", "assureur", "cie", "porteur de risque"]),
  f("startDate", "Date d'effet", "contract", [
    "date effet",
    "date d effet",
    "effet",
    "date souscription",
    "date de souscription",
    "debut contrat",
    "date debut",
  ]),
  f("renewalDate", "Échéance", "contract", ["echeance", "date echeance", "date d echeance", "echeance principale", "renouvellement"]),
  f("premium", "Prime annuelle (€)", "contract", [
    "prime",
    "prime annuelle",
    "cotisation",
    "cotisation annuelle",
    "prime ttc",
    "montant prime",
  ]),
  f("seller", "Vendeur", "contract", ["vendeur", "souscrit par", "commercial", "apporteur interne", "vendu par"]),
  f("dpSigned", "DP signées", "contract", ["dp signees", "dp signe", "dispositions particulieres signees", "signature dp", "dp"]),
  f("quoteSigned", "Devis signé", "contract", ["devis signe", "projet signe", "signature devis", "devis"]),
  f("documentsProvided", "Pièces fournies", "contract", [
    "pieces fournies",
    "pieces",
    "documents",
    "pieces jointes",
    "ged",
    "justificatifs",
  ]),
  f("summary", "Description du contrat", "contract", ["description", "formule", "libelle contrat", "commentaire contrat", "detail"]),
];

export const IMPORT_FIELD_KEYS: ReadonlySet<string> = new Set(IMPORT_FIELDS.map((x) => x.key));

/** Without these mapped, no row could be imported: the mapping is refused before the upload. */
export const REQUIRED_MAPPING: readonly (readonly ImportFieldKey[])[] = [["productLine"], ["lastName", "companyName"]];
