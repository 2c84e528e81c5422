export function ProgressBar({ label, value, max, detail }: { label: string; value: number; max: number; detail?: string }) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const percent = Math.round(ratio * 100);
  return (
    <div className="progress">
      <div className="progress__head">
        <span className="progress__label">{label}</span>
        <span className="progress__value">
          {percent} %{detail ? <span className="muted"> · {detail}</span> : null}
        </span>
      </div>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
