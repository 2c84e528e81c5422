import { Options } from "../../ui/SelectField";
import { type Column, Table } from "../../ui/Table";
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

const GROUP_LABELS: Record<string, string> = { client: "Client", contract: "Contrat" };

export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange(next: Record<string, string>): void;
}) {
  const index = (column: string) => preview.columns.indexOf(column);
  const selectId = (column: string) => `mapping-${index(column)}`;
  const samplesOf = (column: string) => preview.sampleRows.map((r) => r[index(column)] ?? "").filter((v) => v.trim() !== "");
  // The fields grouped Client, then Contrat.
  const fields = ["client", "contract"].flatMap((group) =>
    preview.fields.filter((f) => f.group === group).map((f) => ({ value: f.key, label: f.label, group: GROUP_LABELS[group] })),
  );
  const columns: Column<string>[] = [
    {
      key: "column",
      header: "Colonne du fichier",
      cell: (column) => (
        <label htmlFor={selectId(column)} className="table__primary">
          {column}
        </label>
      ),
    },
    {
      key: "samples",
      header: "Exemples",
      cell: (column) => {
        const samples = samplesOf(column);
        return (
          <span className="crm-mapping__sample" title={samples.join(" | ")}>
            {samples.slice(0, 3).join(" · ") || <span className="muted">(vide)</span>}
          </span>
        );
      },
    },
    {
      key: "field",
      header: "Champ LeadsAssurance",
      cell: (column) => (
        <select
          id={selectId(column)}
          className="input"
          value={mapping[column] ?? ""}
          onChange={(e) => onChange({ ...mapping, [column]: e.target.value })}
        >
          <option value="">— Ignorer cette colonne —</option>
          <Options options={fields} />
        </select>
      ),
    },
  ];
  return <Table rows={preview.columns} columns={columns} rowKey={(column) => column} className="crm-mapping" />;
}
