import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card empty">
      没有这个地区。<Link href="/agencies">查找单位</Link>
    </div>
  );
}
