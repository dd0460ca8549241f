"use client";
import { RouteError } from "@/components/dashboard/route-error";

import { msg } from "@/lib/messages";

export default function CompareError({ reset }: { error: Error; reset: () => void }) {
  return <RouteError title={msg.common.compare} reset={reset} />;
}
