"use client";
import { useActionState } from "react";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="stack" data-testid="sign-in">
      {next && <input type="hidden" name="next" value={next} />}
      <label>
        用户名
        <input type="text" name="username" autoComplete="username" required />
      </label>
      <label>
        密码
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>{pending ? "登录中…" : "登录"}</button>
      {state && "error" in state && <div className="alert error">{state.error}</div>}
    </form>
  );
}
