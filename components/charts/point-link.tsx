/**
 * A chart point that opens the report cell it was read from: a circle inside a link, named for
 * screen readers. A figure the prose states rather than a table prints is drawn dashed.
 */
export function PointLink({
  href,
  label,
  color,
  cx,
  cy,
  r,
  stated = false,
}: {
  href: string;
  label: string;
  color: string;
  cx: number;
  cy: number;
  r: number;
  stated?: boolean;
}) {
  return (
    <a href={href} data-testid="chart-point" aria-label={label}>
      <circle
        data-testid={stated ? "stated-point" : undefined}
        cx={cx}
        cy={cy}
        r={r}
        fill="#fff"
        stroke={color}
        strokeWidth={2}
        strokeDasharray={stated ? "2 2" : undefined}
        style={{ cursor: "pointer" }}
      />
    </a>
  );
}
