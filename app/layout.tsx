import type { Metadata } from "next";
import Link from "next/link";
import { msg } from "@/lib/messages";
import "./globals.css";

export const metadata: Metadata = { title: msg.app.name, description: msg.app.tagline };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="top">
          <Link href="/" className="brand">{msg.app.name}</Link>
          <nav>
            <Link href="/">单位与年度</Link>
            <Link href="/findings">核对发现</Link>
            <Link href="/check">草稿核对</Link>
            <Link href="/import">导入年报</Link>
          </nav>
        </header>
        <main>{children}</main>
        <footer className="bottom">{msg.app.source}</footer>
      </body>
    </html>
  );
}
