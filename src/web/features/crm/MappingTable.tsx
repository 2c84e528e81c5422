import type { ImportPreview } from "./types";

const REQUIRED: readonly (readonly string[])[] = [["productLine"], ["lastName", "companyName"]];

/** What blocks the import before anything is sent: a field twice, or no column for the product or the name. */
export function mappingProblems(preview: ImportPreview, mapping: Record<string, string>): string[] {
  const label = (key: string) => preview.fields.find((f) => f.key === key)?.label ?? key;
  const used = new Map<string, string[]>();
  for (const [column, key] of Object.entries(mapping)) if (key) used.set(key, [...(used.get(key) ?? []), column]);
  const problems: string[] = [];
  for (const [key, columns] of used)
    if (columns.length > 1) problems.push(`« ${label(key)} » est choisi pour plusieurs colonnes : ${columns.join(", ")}.`);
  for (const oneOf of REQUIRED) {
    if (!oneOf.some((k) => used.has(k))) problems.push(`Associez une colonne à ${oneOf.map((k) => `« ${label(k)} »`).join(" ou ")}.`);
  }
  return problems;
}

export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange(next: Record<string, string>): void;
}) {
  const groups = [
    { key: "client", label: "Client" },
    { key: "contract", label: "Contrat" },
  ] as const;
  return (
    <div className="table-wrap">
      <table className="table crm-mapping">
        <thead>
          <tr>
            <th scope="col">Colonne du fichier</th>
            <th scope="col">Exemples</th>
            <th scope="col">Champ LeadsAssurance</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column, i) => {
            const samples = preview.sampleRows.map((r) => r[i] ?? "").filter((v) => v.trim() !== "");
            const selectId = `mapping-${i}`;
            return (
              <tr key={column}>
                <td>
                  <label htmlFor={selectId} className="table__primary">
                    {column}
                  </label>
                </td>
                <td className="crm-mapping__sample" title={samples.join(" | ")}>
                  {samples.slice(0, 3).join(" · ") || <span className="muted">(vide)</span>}
                </td>
                <td>
                  <select
                    id={selectId}
                    className="input"
                    value={mapping[column] ?? ""}
                    onChange={(e) => onChange({ ...mapping, [column]: e.target.value })}
                  >
                    <option value="">— Ignorer cette colonne —</option>
                    {groups.map((g) => (
                      <optgroup key={g.key} label={g.label}>
                        {preview.fields
                          .filter((f) => f.group === g.key)
                          .map((f) => (
                            <option key={f.key} value={f.key}>
                              {f.label}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
