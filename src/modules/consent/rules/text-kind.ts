/** Reinforced consent texts (transmission to a broker and appointment) are published with a version starting "RDV-". */
export const isReinforcedTextVersion = (version: string) => /^RDV-/i.test(version);
