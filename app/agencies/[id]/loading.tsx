import { Skeleton } from "@/components/dashboard/card";

export default function Loading() {
  return (
    <>
      <Skeleton height={40} />
      <div className="card"><Skeleton height={120} /></div>
      <div className="card"><Skeleton height={340} /></div>
    </>
  );
}
