import type { Condition, GapRule } from "./gap-facts";

export * from "./gap-facts";

/**
 * Gap-detection rules of the commercial rebound, kept as DATA so that a non-developer can read
 * (and review) them: docs/followup-rules.md is generated from this file.
 *
 * How to read a rule:
 * - `productLine`: the protection proposed. The rule is skipped automatically when the client
 *   already holds that line (or one of `alsoSatisfiedBy`), with us or elsewhere.
 * - `when`: the condition, in a tiny language:
 *     { all: [...] }  every sub-condition holds      { any: [...] }  at least one holds
 *     { not: ... }    the sub-condition does not hold
 *     { fact: "age", gte: 30, lte: 62 }              comparisons: eq, ne, in, gt, gte, lt, lte
 *     { has: "auto" } / { has: ["auto", "moto"] }    holds one of these lines, with us or elsewhere
 *   A comparison on an unknown fact is false, so an empty field does not trigger a rule by itself;
 *   only `not` turns "unknown" into true, which the docs spell "(ou inconnu)".
 * - `why`: the sentence said to the client; {age}, {childrenCount}… are replaced by the facts.
 * - `rationale`: why the agency applies the rule (the law, the trade's practice).
 * - `kind` then `weight` rank the matches: obligations, then the client's own needs, then the needs
 *   everybody has; within a kind, higher weight first; ties keep file order.
 */

const always: Condition = { all: [] };

export const GAP_RULES: readonly GapRule[] = [
  {
    id: "btp_sans_decennale",
    productLine: "rc_decennale",
    title: "Métier du bâtiment sans RC décennale",
    kind: "obligation",
    why:
      "Votre activité relève du bâtiment : la responsabilité civile décennale est obligatoire pour tout " +
      "constructeur (loi Spinetta) et un chantier sans elle engage vos biens personnels.",
    rationale:
      "Loi Spinetta (art. L241-1 du Code des assurances) : tout constructeur doit être assuré en décennale dès " +
      "l'ouverture du chantier ; travailler sans est un délit.",
    weight: 100,
    when: {
      all: [
        { fact: "isPro", eq: true },
        { fact: "isConstructionTrade", eq: true },
      ],
    },
  },
  {
    id: "locataire_sans_mrh",
    productLine: "habitation",
    title: "Locataire sans assurance habitation",
    kind: "obligation",
    why:
      "En tant que locataire, l'assurance des risques locatifs est obligatoire (loi du 6 juillet 1989) " +
      "et votre bailleur peut la demander à tout moment.",
    rationale: "Article 7 g) de la loi du 6 juillet 1989 : le locataire doit s'assurer contre les risques locatifs.",
    weight: 95,
    when: { fact: "housing", eq: "locataire" },
  },
  {
    id: "vehicule_sans_auto",
    productLine: "auto",
    alsoSatisfiedBy: ["flotte_automobile"],
    title: "Véhicule sans assurance auto connue",
    kind: "obligation",
    why:
      "Vous déclarez {vehicleCount} véhicule(s) sans assurance auto connue : la responsabilité civile " +
      "automobile est obligatoire, vérifions ensemble vos garanties.",
    rationale: "Article L211-1 du Code des assurances : la RC automobile est obligatoire pour tout véhicule à moteur.",
    weight: 90,
    when: { fact: "vehicleCount", gte: 1 },
  },
  {
    id: "entreprise_sans_collective",
    productLine: "sante_prevoyance_collective",
    title: "Employeur sans mutuelle / prévoyance collective",
    kind: "obligation",
    why:
      "Dès le premier salarié, la complémentaire santé collective est obligatoire (ANI) et la prévoyance " +
      "est souvent imposée par la convention collective.",
    rationale:
      "Tout employeur, société ou entrepreneur individuel, doit une complémentaire santé collective à ses " +
      "salariés (art. L911-7 du Code de la sécurité sociale) ; la prévoyance des cadres est obligatoire. Une " +
      "entreprise dont l'effectif est inconnu est traitée comme employeur, un professionnel seulement s'il " +
      "déclare au moins un salarié.",
    weight: 90,
    when: {
      any: [
        { all: [{ fact: "clientType", eq: "entreprise" }, { not: { fact: "headcount", eq: 0 } }] },
        {
          all: [
            { fact: "isPro", eq: true },
            { fact: "headcount", gte: 1 },
          ],
        },
      ],
    },
  },
  {
    id: "tns_sans_prevoyance",
    productLine: "prevoyance",
    title: "TNS sans prévoyance",
    kind: "specific",
    why:
      "En cas d'arrêt de travail, la couverture d'un indépendant est limitée : sans prévoyance, vos revenus " +
      "et votre activité ne sont pas protégés.",
    rationale:
      "Les indemnités journalières d'un indépendant sont faibles et plafonnées, et rien ne paie les charges " +
      "fixes de l'entreprise pendant l'arrêt : c'est le premier besoin d'un TNS (cotisations déductibles, " +
      "loi Madelin, art. 154 bis du CGI).",
    weight: 85,
    when: { fact: "isTns", eq: true },
  },
  {
    id: "dirigeant_tns_sans_prevoyance",
    productLine: "prevoyance",
    title: "Société dont le dirigeant est TNS, sans prévoyance",
    kind: "specific",
    why:
      "Votre dirigeant est travailleur non salarié : en arrêt de travail ses indemnités sont faibles, et la " +
      "prévoyance collective de vos salariés ne le couvre pas.",
    rationale:
      "Gérant majoritaire de SARL, gérant d'EURL, associé de SNC : TNS, hors du régime des salariés et de " +
      "leurs contrats collectifs. Le président de SAS, assimilé salarié, n'est pas concerné.",
    weight: 85,
    when: {
      all: [
        { fact: "clientType", eq: "entreprise" },
        { fact: "managerIsTns", eq: true },
      ],
    },
  },
  {
    id: "pro_sans_rc_pro",
    productLine: "rc_pro",
    title: "Professionnel sans RC professionnelle",
    kind: "specific",
    why:
      "Une erreur, un oubli ou un retard dans votre prestation ou vos conseils engage votre responsabilité " +
      "envers vos clients : sans responsabilité civile professionnelle, l'indemnité est payée sur vos fonds propres.",
    rationale:
      "La multirisque professionnelle assure les locaux, le matériel, la perte d'exploitation et la RC " +
      "d'exploitation (dommages causés pendant l'activité), pas la faute commise dans la prestation ou le " +
      "conseil. Pour les services, le conseil, l'informatique, le commerce, la santé, l'immobilier, la finance " +
      "et le bâtiment, la RC professionnelle est donc un besoin à part, parfois obligatoire (santé, agents " +
      "immobiliers, intermédiaires, experts-comptables) ; ailleurs, ou quand l'activité est inconnue, la " +
      "multirisque suffit.",
    weight: 80,
    when: {
      all: [{ fact: "isPro", eq: true }, { any: [{ fact: "rcProOwnNeed", eq: true }, { not: { has: "multirisque_pro" } }] }],
    },
  },
  {
    id: "proprietaire_sans_mrh",
    productLine: "habitation",
    title: "Propriétaire sans assurance habitation",
    kind: "specific",
    why:
      "Votre logement est votre patrimoine : sans assurance habitation, un incendie ou un dégât des eaux " +
      "est à votre charge, et la responsabilité civile est obligatoire en copropriété.",
    rationale:
      "Obligatoire pour le copropriétaire (loi ALUR, RC) ; pour tout propriétaire, le logement est le premier " + "patrimoine du foyer.",
    weight: 80,
    when: { fact: "housing", eq: "proprietaire" },
  },
  {
    id: "famille_sans_prevoyance",
    productLine: "prevoyance",
    title: "Famille avec enfants sans prévoyance décès",
    kind: "specific",
    why:
      "Avec {childrenCount} enfant(s) à charge, un décès ou une invalidité priverait votre famille de " +
      "revenus : une prévoyance (capital décès, rente éducation) la protège.",
    rationale: "Des enfants à charge vivent des revenus de leurs parents : capital décès et rente éducation.",
    weight: 75,
    when: { fact: "childrenCount", gte: 1 },
  },
  {
    id: "tns_sans_sante",
    productLine: "sante",
    title: "TNS sans complémentaire santé",
    kind: "specific",
    why:
      "Indépendant, vous n'avez pas de mutuelle d'entreprise : la complémentaire santé est à prendre vous-même, " +
      "et ses cotisations sont déductibles de votre bénéfice (loi Madelin).",
    rationale: "La mutuelle collective obligatoire vise les salariés : le TNS s'assure seul (contrat Madelin, " + "art. 154 bis du CGI).",
    weight: 70,
    when: { fact: "isTns", eq: true },
  },
  {
    id: "chiens_chats_sans_assurance",
    productLine: "animaux",
    title: "Chien ou chat sans assurance santé animale",
    kind: "specific",
    why:
      "Les soins de votre chien ou de votre chat (chirurgie, maladie, accident) coûtent vite plusieurs centaines " +
      "d'euros, que personne ne rembourse sans assurance.",
    rationale: "Seul le foyer qui a un chien ou un chat a ce besoin ; les NAC et les chevaux relèvent d'autres contrats.",
    weight: 70,
    when: { fact: "dogOrCat", eq: true },
  },
  {
    id: "tmi_sans_per",
    productLine: "per",
    title: "Tranche d'imposition à 30 % ou plus sans PER",
    kind: "specific",
    why:
      "Avec une tranche marginale d'imposition de {incomeTaxRate}, chaque versement sur un PER est déduit de " +
      "votre revenu imposable : il réduit votre impôt d'autant, tout en préparant votre retraite.",
    rationale:
      "La déduction des versements sur un PER (art. 163 quatervicies du CGI) vaut le taux marginal du foyer : " +
      "elle devient un vrai levier à partir de la tranche à 30 %.",
    weight: 70,
    when: { fact: "incomeTaxRate", gte: 30 },
  },
  {
    id: "pro_sans_multirisque",
    productLine: "multirisque_pro",
    title: "Entreprise ou activité à local sans multirisque professionnelle",
    kind: "specific",
    why:
      "Un incendie, un dégât des eaux ou un vol dans vos locaux arrêterait votre activité : la multirisque " +
      "professionnelle assure vos locaux, votre matériel, votre stock et la perte d'exploitation.",
    rationale:
      "Industrie et artisanat de fabrication, bâtiment, commerce, hôtellerie-restauration, services à la " +
      "personne, et toute entreprise : l'outil de travail est à protéger, et le bail commercial l'exige souvent.",
    weight: 65,
    when: {
      all: [
        { fact: "isPro", eq: true },
        {
          any: [
            { fact: "clientType", eq: "entreprise" },
            { fact: "premisesActivity", eq: true },
          ],
        },
      ],
    },
  },
  {
    id: "forte_imposition",
    productLine: "defiscalisation",
    title: "Tranche d'imposition à 41 % ou plus sans solution de défiscalisation",
    kind: "specific",
    why:
      "Votre tranche marginale d'imposition est de {incomeTaxRate} : des dispositifs légaux (immobilier, " +
      "FCPI, outre-mer…) réduisent votre impôt tout en constituant un patrimoine.",
    rationale:
      "Les réductions d'impôt (plafonnées à 10 000 € par an) ne valent leurs contraintes que pour les foyers " +
      "des tranches à 41 % et 45 %.",
    weight: 65,
    when: { fact: "incomeTaxRate", gte: 41 },
  },
  {
    id: "senior_sans_obseques",
    productLine: "obseques",
    title: "55 ans et plus sans contrat obsèques",
    kind: "specific",
    why: "À {age}, un contrat obsèques évite à vos proches d'avancer plusieurs milliers d'euros et " + "d'organiser seuls la cérémonie.",
    rationale: "L'âge où le contrat obsèques se souscrit encore sans formalités lourdes ni tarif élevé.",
    weight: 40,
    when: { fact: "age", gte: 55 },
  },
  {
    id: "gav_absente",
    productLine: "gav",
    title: "Pas de garantie des accidents de la vie",
    kind: "generic",
    why:
      "Un accident domestique, de sport ou de loisir sans tiers responsable n'est indemnisé par personne " +
      "sans garantie des accidents de la vie.",
    rationale: "Tout foyer est exposé aux accidents de la vie courante : protection structurante, vérifiée à chaque appel.",
    weight: 60,
    when: { fact: "clientType", in: ["particulier", "professionnel"] },
  },
  {
    id: "retraite_sans_per",
    productLine: "per",
    title: "Actif de 30 à 62 ans sans épargne retraite",
    kind: "generic",
    why:
      "À {age}, préparer sa retraite tôt limite la baisse de revenus à venir, et les versements sur un " +
      "PER sont déductibles du revenu imposable.",
    rationale: "Tout actif verra ses revenus baisser à la retraite : protection structurante, vérifiée à chaque appel.",
    weight: 55,
    when: {
      all: [
        { fact: "age", gte: 30, lte: 62 },
        { fact: "isActive", eq: true },
      ],
    },
  },
  {
    id: "pj_absente",
    productLine: "protection_juridique",
    title: "Pas de protection juridique",
    kind: "generic",
    why:
      "En cas de litige (voisinage, achat, travaux, employeur), les frais d'avocat et d'expertise restent " +
      "à votre charge sans protection juridique.",
    rationale: "Tout client peut avoir un litige : protection structurante, vérifiée à chaque appel.",
    weight: 50,
    when: always,
  },
];
