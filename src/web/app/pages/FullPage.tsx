import { ErrorState, LoadingState } from "../../ui/States";

export function FullPageLoading() {
  return (
    <div className="full-page">
      <LoadingState />
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <div className="full-page">
      <div className="full-page__box">
        <ErrorState error={error} onRetry={onRetry} />
      </div>
    </div>
  );
}
