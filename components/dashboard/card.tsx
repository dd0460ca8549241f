/**
 * A dashboard card: title, its own error boundary and, for async content, its own Suspense with a
 * skeleton of the same shape — one slow or failing card never blanks the page.
 */
import { Suspense, type ReactNode } from "react";
import { CardBoundary } from "./card-boundary";

import { msg } from "@/lib/messages";

export function Skeleton({ height = 160, label = msg.common.loading }: { height?: number; label?: string }) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the skeleton announces what is loading; a role would change what the a11y tests read.
    <div className="skeleton" style={{ minHeight: height }} aria-busy="true" aria-label={label}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

export function Card({
  title,
  testId,
  children,
  aside,
  skeletonHeight = 160,
  wide,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
  aside?: ReactNode;
  skeletonHeight?: number;
  wide?: boolean;
}) {
  return (
    <section className={`card${wide ? " wide" : ""}`} data-testid={testId} aria-label={title}>
      <div className="card-head">
        <h2>{title}</h2>
        {aside}
      </div>
      <CardBoundary title={title}>
        <Suspense fallback={<Skeleton height={skeletonHeight} />}>{children}</Suspense>
      </CardBoundary>
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
