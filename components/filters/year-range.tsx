/** The from/to year inputs of a filter form (`from` and `to` in the URL). */
export function YearRange({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: number | undefined;
  to: number | undefined;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <>
      <label>
        {fromLabel}
        <input type="number" name="from" defaultValue={from} min={2000} max={2100} style={{ width: "6rem" }} />
      </label>
      <label>
        {toLabel}
        <input type="number" name="to" defaultValue={to} min={2000} max={2100} style={{ width: "6rem" }} />
      </label>
    </>
  );
}
