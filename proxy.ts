/**
 * Runs before every request: passes the path to the layout (which decides whether reading needs a
 * session, READ_ACCESS=session) and sends visitors without a session cookie to /login then.
 */
import { NextResponse, type NextRequest } from "next/server";

const OPEN = ["/login", "/_next", "/favicon"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (process.env.READ_ACCESS === "session" && !OPEN.some((p) => pathname.startsWith(p)) && !request.cookies.has("dd_session")) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
