/** What the last submit of a form did, announced to screen readers: ok-text when it worked, error-text when not. */
export function FormStatus({ status, block = false }: { status: { ok: boolean; text: string } | null | undefined; block?: boolean }) {
  if (!status) return null;
  const className = status.ok ? "ok-text" : "error-text";
  return block ? (
    <p className={className} role="status">
      {status.text}
    </p>
  ) : (
    <span className={className} role="status">
      {status.text}
    </span>
  );
}
