import { describe, expect, it } from "vitest";
import { decide, decideAll, roleMay, type Actor } from "./permissions";

const agencyIn = (agencyId: number, regionPath: string) => ({ agencyId, regionPath });
const filer: Actor = { id: 1, name: "填报", role: "filer", scopePath: null, agencyIds: [7] };
const assessor: Actor = { id: 2, name: "评估", role: "assessor", scopePath: "/1/5/", agencyIds: [] };
const viewer: Actor = { id: 3, name: "查看", role: "viewer", scopePath: null, agencyIds: [] };
const admin: Actor = { id: 4, name: "管理", role: "admin", scopePath: null, agencyIds: [] };

describe("permissions", () => {
  it("refuses anyone signed out", () => {
    expect(decide(null, "import", agencyIn(7, "/1/"))).toEqual({ ok: false, reason: "signed_out" });
  });

  it("lets a 填报人 import and correct only their own agencies", () => {
    expect(decide(filer, "import", agencyIn(7, "/1/5/9/")).ok).toBe(true);
    expect(decide(filer, "correct", agencyIn(7, "/1/5/9/")).ok).toBe(true);
    expect(decide(filer, "correct", agencyIn(8, "/1/5/9/"))).toEqual({ ok: false, reason: "scope" });
    expect(decide(filer, "review", agencyIn(7, "/1/5/9/"))).toEqual({ ok: false, reason: "role" });
    expect(decide(filer, "import", { agencyId: null, regionPath: null })).toEqual({ ok: false, reason: "scope" });
  });

  it("lets a 评估员 review and score within their region subtree", () => {
    expect(decide(assessor, "review", agencyIn(9, "/1/5/23/")).ok).toBe(true);
    expect(decide(assessor, "score", agencyIn(9, "/1/5/")).ok).toBe(true);
    expect(decide(assessor, "review", agencyIn(9, "/1/6/"))).toEqual({ ok: false, reason: "scope" });
    // A sibling whose id starts with the same digits is not inside: paths end with a slash.
    expect(decide(assessor, "review", agencyIn(9, "/1/55/")).ok).toBe(false);
    expect(decide(assessor, "import", agencyIn(9, "/1/5/23/"))).toEqual({ ok: false, reason: "role" });
    expect(decide(assessor, "manage_rubrics").ok).toBe(true);
  });

  it("gives a 查看者 nothing to write and a 管理员 everything", () => {
    expect(roleMay(viewer, "import")).toBe(false);
    expect(decide(viewer, "review", agencyIn(1, "/1/"))).toEqual({ ok: false, reason: "role" });
    expect(decide(admin, "import", { agencyId: null, regionPath: null }).ok).toBe(true);
    expect(decide(admin, "manage_users").ok).toBe(true);
  });

  it("lets a 评估员 manage website sources and harvest within their region, a region at a time too", () => {
    expect(decide(assessor, "manage_sources", agencyIn(9, "/1/5/23/")).ok).toBe(true);
    expect(decide(assessor, "manage_sources", { agencyId: null, regionPath: "/1/5/23/" }).ok).toBe(true);
    expect(decide(assessor, "manage_sources", { agencyId: null, regionPath: "/1/6/" })).toEqual({ ok: false, reason: "scope" });
    // Every region at once: administrators only.
    expect(decide(assessor, "manage_sources", { agencyId: null, regionPath: null })).toEqual({ ok: false, reason: "scope" });
    expect(decide(admin, "manage_sources", { agencyId: null, regionPath: null }).ok).toBe(true);
    expect(decide(filer, "manage_sources", agencyIn(7, "/1/5/9/"))).toEqual({ ok: false, reason: "role" });
    // Region-wide targets do not widen the other scoped actions.
    expect(decide(assessor, "review", { agencyId: null, regionPath: "/1/5/23/" })).toEqual({ ok: false, reason: "scope" });
  });

  it("lets a 填报人 answer 整改 for their own agencies and a 评估员 open and decide within their region; a set needs every agency", () => {
    expect(decide(filer, "respond", agencyIn(7, "/1/5/9/")).ok).toBe(true);
    expect(decide(filer, "respond", agencyIn(8, "/1/5/9/"))).toEqual({ ok: false, reason: "scope" });
    expect(decide(filer, "rectify", agencyIn(7, "/1/5/9/"))).toEqual({ ok: false, reason: "role" });
    expect(decide(assessor, "rectify", agencyIn(9, "/1/5/23/")).ok).toBe(true);
    expect(decide(assessor, "respond", agencyIn(9, "/1/5/23/"))).toEqual({ ok: false, reason: "role" });
    expect(decideAll(assessor, "rectify", [agencyIn(9, "/1/5/23/"), agencyIn(10, "/1/5/")]).ok).toBe(true);
    expect(decideAll(assessor, "rectify", [agencyIn(9, "/1/5/23/"), agencyIn(11, "/1/6/")])).toEqual({ ok: false, reason: "scope" });
    expect(decideAll(assessor, "rectify", [])).toEqual({ ok: false, reason: "scope" });
    expect(decideAll(viewer, "rectify", [agencyIn(9, "/1/5/23/")])).toEqual({ ok: false, reason: "role" });
  });
});
