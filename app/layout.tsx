import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { msg } from "@/lib/messages";
import { ROLE_LABELS, roleMay } from "@/lib/auth/permissions";
import { currentUser, readNeedsSession } from "./session";
import { signOutAction } from "./login/actions";
import { NavMenu, type NavItem } from "@/components/layout/nav-menu";
import "./globals.css";

export const metadata: Metadata = { title: msg.app.name, description: msg.app.tagline };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const path = (await headers()).get("x-pathname") ?? "/";
  // An expired or revoked cookie passes the proxy; the layout is where the session is verified.
  const blocked = readNeedsSession() && !user && path !== "/login";
  const nav = msg.dashboard.nav;
  const navItems: NavItem[] = [
    { href: "/", label: nav.overview },
    { href: "/agencies", label: nav.agencies },
    { href: "/coverage", label: nav.coverage },
    { href: "/compare", label: nav.compare },
    { href: "/findings", label: nav.findings },
    { href: "/scoring", label: msg.scoring.nav },
    { href: "/rectifications", label: msg.rect.nav },
    { href: "/check", label: nav.check },
    { href: "/export", label: nav.export },
    ...(roleMay(user, "import") ? [{ href: "/import", label: nav.import }] : []),
    ...(roleMay(user, "manage_sources") ? [{ href: "/harvest", label: msg.harvest.nav }] : []),
    ...(roleMay(user, "manage_users") ? [{ href: "/admin/users", label: nav.users }] : []),
    ...(roleMay(user, "view_audit") ? [{ href: "/admin/audit", label: nav.audit }] : []),
  ];
  return (
    <html lang="zh-CN">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            {msg.app.name}
          </Link>
          <NavMenu items={navItems} menuLabel={nav.menu} navLabel={nav.menuLabel} />
          <div className="user" data-testid="user-menu">
            {user ? (
              <>
                <span>
                  {user.name}（{ROLE_LABELS[user.role]}）
                </span>
                <form action={signOutAction}>
                  <button type="submit">{nav.signOut}</button>
                </form>
              </>
            ) : (
              <Link href="/login">{nav.signIn}</Link>
            )}
          </div>
        </header>
        <main>
          {blocked ? (
            <div className="card">
              {msg.auth.signInRequired}。<Link href={`/login?next=${encodeURIComponent(path)}`}>{msg.common.signIn}</Link>
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
