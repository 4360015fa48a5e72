// What a record view shows while loading or when loading failed.
export function LoadState({ error, what }: { error: string | null; what: string }) {
  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  return <p className="muted">Loading {what}…</p>;
}
