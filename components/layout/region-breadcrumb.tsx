import Link from "next/link";
import { msg } from "@/lib/messages";

/** 查找单位 / 省 / 市 / …: the region trail above an agency or a region, each step opening the finder there. */
export function RegionBreadcrumb({ trail }: { trail: readonly { id: number; name: string }[] }) {
  return (
    <p className="muted">
      <Link href="/agencies">{msg.dashboard.nav.agencies}</Link> /{" "}
      {trail.map((r, i) => (
        <span key={r.id}>
          {i > 0 && " / "}
          <Link href={`/agencies?region=${r.id}`}>{r.name}</Link>
        </span>
      ))}
    </p>
  );
}
