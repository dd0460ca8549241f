"use client";
/** The body of a route's error.tsx: what failed, and a retry. */
export function RouteError({ title, reset }: { title: string; reset: () => void }) {
  return (
    <div className="alert error" role="alert">
      {title}暂时无法显示。<button className="secondary" onClick={() => reset()}>重试</button>
    </div>
  );
}
