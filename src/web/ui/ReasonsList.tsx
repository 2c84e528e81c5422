import { fieldPathLabel } from "./field-paths";

interface ReasonLike {
  code: string;
  field: string;
  message: string;
}

export function ReasonsList({ reasons, product }: { reasons: ReasonLike[]; product?: string }) {
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={`${r.field}-${r.code}-${r.message}`} data-reason-code={r.code}>
          <span className="reasons__field">{fieldPathLabel(r.field, product)}</span>
          <span className="reasons__message">{r.message}</span>
        </li>
      ))}
    </ul>
  );
}
