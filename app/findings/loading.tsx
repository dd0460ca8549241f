import { Skeleton } from "@/components/dashboard/card";

export default function Loading() {
  return <Skeleton height={400} />;
}
