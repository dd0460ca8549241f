"use client";
import { RouteError } from "@/components/dashboard/route-error";

export default function Error({ reset }: { error: Error; reset: () => void }) {
  return <RouteError title="单位页" reset={reset} />;
}
