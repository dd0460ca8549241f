"use client";
import { msg } from "@/lib/messages";
/** The body of a route's error.tsx: what failed, and a retry. */
export function RouteError({ title, reset }: { title: string; reset: () => void }) {
  return (
    <div className="alert error" role="alert">
      {title}
      {msg.common.routeFailed}
      <button type="button" className="secondary" onClick={() => reset()}>
        {msg.common.retry}
      </button>
    </div>
  );
}
