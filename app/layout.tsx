import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { msg } from "@/lib/messages";
import { ROLE_LABELS, roleMay } from "@/lib/auth/permissions";
import { currentUser, readNeedsSession } from "./session";
import { signOutAction } from "./login/actions";
import "./globals.css";

export const metadata: Metadata = { title: msg.app.name, description: msg.app.tagline };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const path = (await headers()).get("x-pathname") ?? "/";
  // An expired or revoked cookie passes the proxy; the layout is where the session is verified.
  const blocked = readNeedsSession() && !user && path !== "/login";
  return (
    <html lang="zh-CN">
      <body>
        <header className="top">
          <Link href="/" className="brand">{msg.app.name}</Link>
          <nav>
            <Link href="/">{msg.dashboard.nav.overview}</Link>
            <Link href="/agencies">{msg.dashboard.nav.agencies}</Link>
            <Link href="/coverage">{msg.dashboard.nav.coverage}</Link>
            <Link href="/compare">{msg.dashboard.nav.compare}</Link>
            <Link href="/findings">核对发现</Link>
            <Link href="/scoring">{msg.scoring.nav}</Link>
            <Link href="/check">草稿核对</Link>
            <Link href="/export">导出</Link>
            {roleMay(user, "import") && <Link href="/import">导入年报</Link>}
            {roleMay(user, "manage_users") && <Link href="/admin/users">用户管理</Link>}
            {roleMay(user, "view_audit") && <Link href="/admin/audit">操作记录</Link>}
          </nav>
          <div className="user" data-testid="user-menu">
            {user ? (
              <>
                <span>
                  {user.name}（{ROLE_LABELS[user.role]}）
                </span>
                <form action={signOutAction}>
                  <button type="submit">退出</button>
                </form>
              </>
            ) : (
              <Link href="/login">登录</Link>
            )}
          </div>
        </header>
        <main>
          {blocked ? (
            <div className="card">
              {msg.auth.signInRequired}。<Link href={`/login?next=${encodeURIComponent(path)}`}>登录</Link>
            </div>
          ) : (
            children
          )}
        </main>
        <footer className="bottom">{msg.app.source}</footer>
      </body>
    </html>
  );
}
