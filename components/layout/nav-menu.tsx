"use client";
/**
 * The header's page list. On a phone it folds behind one 菜单 button (the list would otherwise
 * wrap into a column of single characters); on a wide screen it is always open. The page being
 * shown is marked aria-current="page" and underlined, including its sub-pages (/agencies/12 under
 * 查找单位).
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

export interface NavItem {
  href: string;
  label: string;
}

export function isActive(href: string, path: string) {
  if (href === "/") return path === "/";
  return path === href || path.startsWith(`${href}/`);
}

export function NavMenu({ items, menuLabel, navLabel }: { items: NavItem[]; menuLabel: string; navLabel: string }) {
  const path = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  // A tap on a link navigates; the menu closes with the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the route changes.
  useEffect(() => setOpen(false), [path]);
  return (
    <>
      <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen((o) => !o)}>
        {menuLabel}
      </button>
      <nav id="site-nav" aria-label={navLabel} className={open ? "open" : undefined} data-testid="site-nav">
        {items.map((it) => {
          const active = isActive(it.href, path);
          return (
            <Link key={it.href} href={it.href} aria-current={active ? "page" : undefined} className={active ? "active" : undefined}>
              {it.label}
            </Link>
          );
        })}
      </nav>
    </>
  );
}
