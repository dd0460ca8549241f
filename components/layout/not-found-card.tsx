import Link from "next/link";
import { msg } from "@/lib/messages";

/** The body of every 404 page: what is missing, and the way back. Served with HTTP 404. */
export function NotFoundCard({ what }: { what: string }) {
  const m = msg.notFound;
  return (
    <div className="card" data-testid="not-found">
      <h1>{m.title}</h1>
      <p>{what}</p>
      <p>
        <Link href="/agencies">{m.toAgencies}</Link> · <Link href="/">{m.toOverview}</Link>
      </p>
    </div>
  );
}
