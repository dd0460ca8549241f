/**
 * The generated province for npm run demo:generate: 示例省 → 10 cities → 100 counties, their
 * governments and departments, townships up to the total asked for (names unique within a county
 * up to 3,500), a few bodies created or abolished within the period, and publication dates.
 */
import type { Db } from "../db/index";
import { regions } from "../db/schema";
import { deadlineFor } from "../lib/report/deadline";
import type { DemoKind } from "../lib/presentations/demo-report";
import { randInt, type Rng } from "../lib/random";
import { CN, DEPARTMENTS, TOWN_NAMES } from "../lib/presentations/demo-province";

export interface AgencySpec {
  name: string;
  regionId: number;
  kind: DemoKind;
  activeFrom: number;
  activeTo: number | null;
}

export function publishedOn(rng: Rng, year: number, kind: DemoKind): { date: string | null; late: boolean } {
  if (rng() < 0.01) return { date: null, late: false };
  const due = Date.parse(`${deadlineFor(year, kind)}T00:00:00Z`);
  const late = rng() < 0.06;
  const offset = late ? randInt(rng, 1, 120) : -randInt(rng, 0, kind === "government" ? 80 : 25);
  return { date: new Date(due + offset * 86_400_000).toISOString().slice(0, 10), late };
}

export async function buildTree(db: Db, rng: Rng, span: { total: number; from: number; to: number }): Promise<AgencySpec[]> {
  const { total: TOTAL, from: FROM, to: TO } = span;
  const [province] = await db.insert(regions).values({ name: "示例省", level: "province", path: "/" }).returning();
  const specs: AgencySpec[] = [];
  const active = (): Pick<AgencySpec, "activeFrom" | "activeTo"> => {
    const r = rng();
    // A few bodies created or abolished within the period: expected to report only while they exist.
    if (r < 0.03) return { activeFrom: randInt(rng, FROM + 1, TO - 1), activeTo: null };
    if (r < 0.05) return { activeFrom: FROM, activeTo: randInt(rng, FROM + 1, TO - 1) };
    return { activeFrom: FROM, activeTo: null };
  };
  const add = (name: string, regionId: number, kind: DemoKind) => specs.push({ name, regionId, kind, ...active() });
  add("示例省人民政府", province.id, "government");
  for (const d of DEPARTMENTS) add(`示例省${d.replace(/局$/, "厅")}`, province.id, "department");
  const cities = await db
    .insert(regions)
    .values(CN.map((c) => ({ name: `示例${c}市`, level: "city" as const, parentId: province.id, path: `/${province.id}/` })))
    .returning();
  const countyRows = cities.flatMap((city) =>
    CN.map((c) => ({ name: `${city.name}${c}县`, level: "county" as const, parentId: city.id, path: `${city.path}${city.id}/` })),
  );
  const counties = await db.insert(regions).values(countyRows).returning();
  for (const city of cities) {
    add(`${city.name}人民政府`, city.id, "government");
    for (const d of DEPARTMENTS) add(`${city.name}${d}`, city.id, "department");
  }
  for (const county of counties) {
    add(`${county.name}人民政府`, county.id, "government");
    for (const d of DEPARTMENTS) add(`${county.name}${d}`, county.id, "department");
  }
  // Townships fill up to the total, spread evenly over the counties.
  const towns = Math.max(0, TOTAL - specs.length);
  for (let i = 0; i < towns; i++) {
    const county = counties[i % counties.length];
    const n = Math.floor(i / counties.length);
    // Unique within a county up to 3,500 towns (150,000 agencies): a second numeral past 350.
    const base =
      TOWN_NAMES[n % TOWN_NAMES.length] +
      (n >= TOWN_NAMES.length ? CN[Math.floor(n / TOWN_NAMES.length) % 10] : "") +
      (n >= TOWN_NAMES.length * 10 ? CN[Math.floor(n / (TOWN_NAMES.length * 10)) % 10] : "");
    add(`${county.name}${base}${n % 5 === 4 ? "街道办事处" : "镇人民政府"}`, county.id, "township");
  }
  return specs.slice(0, TOTAL);
}
