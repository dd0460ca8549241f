import { z } from "zod";
import { safeNextPath } from "@/lib/auth/next-path";
import { SignInForm } from "./sign-in-form";

import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next: raw } = z.object({ next: z.string().optional().catch(undefined) }).parse(await searchParams);
  const next = raw === undefined ? undefined : safeNextPath(raw);
  return (
    <>
      <h1>{msg.common.signIn}</h1>
      <div className="card" style={{ maxWidth: 420 }}>
        <SignInForm next={next} />
        {process.env.DEMO_DATA !== "0" && (
          <p className="muted" style={{ fontSize: "0.85rem" }}>
            {msg.login.demoHint}
          </p>
        )}
      </div>
    </>
  );
}
