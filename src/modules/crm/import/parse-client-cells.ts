import { INCOME_TAX_RATES, LEGAL_FORM_OPTIONS, MANAGER_ROLE_OPTIONS, PET_SPECIES, type PetSpecies } from "../rules/client-model";
import { fold, optionParser, type Parsed, parseNumber } from "./parse-cell";

// Cells of the fields the TNS check and the gap rules need: legal form, mandate, pets, tax band.

export const parseLegalForm = optionParser(
  LEGAL_FORM_OPTIONS,
  {
    ei: "ei",
    eirl: "ei",
    "entreprise individuelle": "ei",
    "micro entreprise": "ei",
    "micro entrepreneur": "ei",
    "auto entrepreneur": "ei",
    "auto entreprise": "ei",
    "s a r l": "sarl",
    "e u r l": "eurl",
    "s a s": "sas",
    "s a s u": "sasu",
    "s a": "sa",
    "s c i": "sci",
    "societe civile immobiliere": "sci",
    "societe anonyme": "sa",
  },
  "forme juridique",
);

export const parseManagerRole = optionParser(
  MANAGER_ROLE_OPTIONS,
  {
    "gerant majoritaire": "gerant_majoritaire",
    "gerant associe unique": "gerant_majoritaire",
    "gerant minoritaire": "gerant_minoritaire",
    "gerant egalitaire": "gerant_minoritaire",
    "gerant non associe": "gerant_non_associe",
    president: "president_dg",
    pdg: "president_dg",
    dg: "president_dg",
    "directeur general": "president_dg",
    associe: "associe",
  },
  "qualité du dirigeant",
);

const NO_PET = new Set(["non", "aucun", "aucun animal", "0", "neant", "pas d animal"]);
const SPECIES_WORDS: Record<string, PetSpecies> = {
  chien: "chien",
  chiens: "chien",
  chat: "chat",
  chats: "chat",
  autre: "autre",
  nac: "autre",
  cheval: "autre",
  lapin: "autre",
  oiseau: "autre",
};

/** "chien, chat", "2 chats", "aucun": the species; "oui" says nothing about which, so it is asked for. */
export function parsePetSpecies(raw: string): Parsed<PetSpecies[]> {
  if (raw.trim() === "") return { value: null };
  if (NO_PET.has(fold(raw))) return { value: [] };
  const species = new Set<PetSpecies>();
  for (const part of raw
    .split(/[,;/+&]|\bet\b/)
    .map(fold)
    .filter(Boolean)) {
    const word = part.replace(/^\d+\s*/, "");
    const found = SPECIES_WORDS[word];
    if (!found) return { error: `« ${raw.trim()} » : espèce attendue (chien, chat, autre) ou « aucun »` };
    species.add(found);
  }
  return { value: PET_SPECIES.filter((s) => species.has(s)) };
}

/** "30 %", "TMI 41", "0,30", "non imposable": the tranche marginale d'imposition, in percent. */
export function parseIncomeTaxRate(raw: string): Parsed<number> {
  if (raw.trim() === "") return { value: null };
  if (/non\s*imposable/.test(fold(raw))) return { value: 0 };
  const n = parseNumber(raw.replace(/%|tmi|tranche|taux/gi, ""));
  if (n.error !== undefined || n.value === null) return { error: `« ${raw.trim()} » : tranche attendue (0, 11, 30, 41 ou 45 %)` };
  const rate = n.value > 0 && n.value < 1 ? Math.round(n.value * 100) : n.value;
  return (INCOME_TAX_RATES as readonly number[]).includes(rate)
    ? { value: rate }
    : { error: `« ${raw.trim()} » : tranche attendue (0, 11, 30, 41 ou 45 %)` };
}
