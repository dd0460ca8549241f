"use client";
import { useActionState } from "react";
import { signInAction } from "./actions";

import { msg } from "@/lib/messages";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="stack" data-testid="sign-in">
      {next && <input type="hidden" name="next" value={next} />}
      <label>
        {msg.common.username}
        <input type="text" name="username" autoComplete="username" required />
      </label>
      <label>
        {msg.common.password}
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? msg.login.signingIn : msg.common.signIn}
      </button>
      {state && "error" in state && <div className="alert error">{state.error}</div>}
    </form>
  );
}
