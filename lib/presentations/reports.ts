/**
 * Random but valid known reports: every identity of domain.md §5.1–5.2 holds, blank cells are null and count as 0.
 */
import { chance, makeRng, pick, type Rng } from "../random";
import { T3_COLUMNS, T4_GROUPS, T4_RESULTS, t2Key, t3Key, t3RowsFor, t4Key, type TableFormat } from "../report/template";
import { int, knownKeys, type KnownReport } from "./known";

// ---------------------------------------------------------------------------------------------
// Generated known reports

const CITIES = [
  "青山",
  "河西",
  "东湖",
  "龙泉",
  "白沙",
  "长宁",
  "安平",
  "临川",
  "清源",
  "永宁",
  "南华",
  "兴隆",
  "云岭",
  "金川",
  "秀水",
  "石门",
  "柳林",
  "丰台子",
  "北塘",
  "新安",
];
const TOWNS = [
  "红旗",
  "前进",
  "马家",
  "三合",
  "桃源",
  "杨柳",
  "古城",
  "新民",
  "双河",
  "高庄",
  "五里",
  "东风",
  "太和",
  "平安",
  "李家",
  "长岭",
];
const DEPTS = [
  "人民政府",
  "人民政府办公室",
  "民政局",
  "自然资源局",
  "市场监督管理局",
  "卫生健康委员会",
  "教育局",
  "交通运输局",
  "生态环境局",
  "住房和城乡建设局",
  "人力资源和社会保障局",
  "财政局",
  "农业农村局",
  "司法局",
  "应急管理局",
];

function agencyName(rng: Rng): string {
  const city = pick(rng, CITIES);
  const county = pick(
    rng,
    CITIES.filter((c) => c !== city),
  );
  const town = pick(rng, TOWNS);
  switch (int(rng, 0, 5)) {
    case 0:
      return `${city}市${pick(rng, DEPTS)}`;
    case 1:
      return `${county}县${pick(rng, DEPTS)}`;
    case 2:
      return `${city}市${county}区${pick(rng, DEPTS)}`;
    case 3:
      return `${county}县${town}镇人民政府`;
    case 4:
      return `${county}区${town}街道办事处`;
    default:
      return `${county}县${town}乡人民政府`;
  }
}

/** A count with many zeros and a long tail (scale: typical size of a busy cell). */
export function count(rng: Rng, pZero: number, scale: number): number {
  if (chance(rng, pZero)) return 0;
  const u = rng();
  return Math.max(1, Math.round(scale * u * u * u * 3));
}

function decimal(rng: Rng, max: number): number {
  const d = int(rng, 0, 6);
  const v = rng() * max;
  return Number(v.toFixed(d));
}

/** Random but valid known reports: both formats and the mixed one, identities W1 W2 W3 W5 hold. */
export function generateReports(seed: number, n: number): KnownReport[] {
  const rng = makeRng(seed);
  const out: KnownReport[] = [];
  for (let i = 0; i < n; i++) {
    // cycle through the kinds so that every small n covers them all
    const kind = i % 6;
    const format: TableFormat = kind <= 2 ? "2021" : "2019";
    const mixed = kind === 2;
    const year =
      format === "2021"
        ? int(rng, 2021, 2025)
        : kind === 5
          ? int(rng, 2021, 2023) /* 2019 tables in a later report */
          : int(rng, 2019, 2020);
    const size = pick(rng, ["tiny", "small", "medium", "large"] as const);
    const scale = { tiny: 1, small: 6, medium: 60, large: 600 }[size];
    const cells: Record<string, number | null> = {};

    // 表二
    if (format === "2021") {
      for (const row of ["rules", "normative_docs"]) {
        const inForce = row === "rules" && chance(rng, 0.8) ? 0 : count(rng, 0.3, 80);
        cells[t2Key(row, "issued")] = Math.min(inForce, count(rng, 0.5, 10));
        cells[t2Key(row, "repealed")] = count(rng, 0.7, 5);
        cells[t2Key(row, "in_force")] = inForce;
      }
      cells["t2.licensing.decisions"] = count(rng, 0.3, 2000);
      cells["t2.penalty.decisions"] = count(rng, 0.4, 800);
      cells["t2.coercion.decisions"] = count(rng, 0.7, 40);
      cells["t2.fees.amount_wan"] = chance(rng, 0.6) ? 0 : decimal(rng, pick(rng, [1, 100, 30000]));
    } else {
      for (const row of ["rules", "normative_docs"]) {
        const made = count(rng, 0.5, 20);
        cells[t2Key(row, "made")] = made;
        cells[t2Key(row, "published")] = chance(rng, 0.8) ? made : count(rng, 0.5, 20);
        cells[t2Key(row, "total_public")] = made + count(rng, 0.3, 150);
      }
      for (const row of ["licensing", "other_services", "penalty", "coercion"]) {
        const prev = count(rng, 0.3, 120);
        cells[t2Key(row, "prev_items")] = prev;
        cells[t2Key(row, "change")] = chance(rng, 0.6) ? 0 : int(rng, -Math.min(prev, 30), 30);
        cells[t2Key(row, "decisions")] = count(rng, 0.3, 1500);
      }
      const fees = count(rng, 0.5, 10);
      cells["t2.fees.prev_items"] = fees;
      cells["t2.fees.change"] = chance(rng, 0.8) ? 0 : int(rng, -fees, 5);
      const items = count(rng, 0.5, 20);
      cells["t2.procurement.items"] = items;
      cells["t2.procurement.amount_yuan"] =
        items === 0 ? 0 : chance(rng, 0.5) ? int(rng, 1000, 9_000_000) : Number((rng() * 80_000_000).toFixed(2));
    }

    // 表三: results per column, then carried over/forward, then received so that W1 holds
    const rows = t3RowsFor(format, mixed);
    const resultRows = rows.filter((r) => r.result);
    const parts = T3_COLUMNS.slice(0, 6).map((c) => c.key);
    const colWeight: Record<string, number> = {
      natural_person: 1,
      commercial: 0.25,
      research: 0.03,
      public_interest: 0.03,
      legal_service: 0.1,
      other_org: 0.08,
    };
    const busy: Record<string, number> = {
      disclosed: 0.5,
      partially_disclosed: 0.15,
      unavailable_not_held: 0.2,
      not_processed_petition: 0.05,
      not_processed_duplicate: 0.03,
      other: 0.06,
      other_no_correction: 0.04,
      other_misc: 0.04,
    };
    for (const c of parts) {
      let handled = 0;
      for (const row of resultRows) {
        const w = (busy[row.key] ?? 0.01) * colWeight[c];
        const v = chance(rng, Math.min(0.9, 0.02 + 1.5 * w)) ? count(rng, 0.2, Math.max(1, scale * w)) : 0;
        cells[t3Key(row.key, c)] = v;
        handled += v;
      }
      cells[t3Key("total_handled", c)] = handled;
      const fwd = chance(rng, 0.6) ? 0 : count(rng, 0.3, Math.max(1, scale * colWeight[c] * 0.1));
      const carry = chance(rng, 0.6) ? 0 : Math.min(handled + fwd, count(rng, 0.3, Math.max(1, scale * colWeight[c] * 0.1)));
      cells[t3Key("carried_forward", c)] = fwd;
      cells[t3Key("carried_over", c)] = carry;
      cells[t3Key("received", c)] = handled + fwd - carry;
    }
    for (const row of rows) cells[t3Key(row.key, "total")] = parts.reduce((s, c) => s + (cells[t3Key(row.key, c)] ?? 0), 0);

    // 表四
    const litigious = chance(rng, 0.3);
    for (const g of T4_GROUPS) {
      let total = 0;
      for (const res of T4_RESULTS.slice(0, 4)) {
        const v = litigious ? count(rng, 0.6, g.key === "review" ? 8 : 3) : 0;
        cells[t4Key(g.key, res.key)] = v;
        total += v;
      }
      cells[t4Key(g.key, "total")] = total;
    }

    // blanks: zero cells printed empty (the identities read them as 0)
    const blankStyle = int(rng, 0, 4);
    const zeroKeys = Object.keys(cells).filter((k) => cells[k] === 0);
    if (blankStyle === 1) {
      // a few scattered blank cells
      for (let k = int(rng, 1, 4); k > 0 && zeroKeys.length; k--) cells[pick(rng, zeroKeys)] = null;
    } else if (blankStyle === 2) {
      // whole all-zero rows printed blank
      const byRow = new Map<string, string[]>();
      for (const k of Object.keys(cells)) {
        const row = k.split(".").slice(0, 2).join(".");
        byRow.set(row, [...(byRow.get(row) ?? []), k]);
      }
      const zeroRows = [...byRow.values()].filter((ks) => ks.every((k) => cells[k] === 0));
      for (let k = int(rng, 1, 3); k > 0 && zeroRows.length; k--) for (const key of pick(rng, zeroRows)) cells[key] = null;
    } else if (blankStyle === 3) {
      // the 总计 cells of all-zero rows left blank
      for (const k of zeroKeys) if (/\.total$/.test(k) && k.startsWith("t3.") && chance(rng, 0.3)) cells[k] = null;
    }

    const pub = chance(rng, 0.85)
      ? `${year + 1}-${String(int(rng, 1, 3)).padStart(2, "0")}-${String(int(rng, 1, 28)).padStart(2, "0")}`
      : null;
    // canonical key order
    const ordered: Record<string, number | null> = {};
    for (const k of knownKeys(format, mixed)) ordered[k] = cells[k] ?? 0;
    for (const k of Object.keys(ordered)) if (cells[k] === null) ordered[k] = null;
    out.push({ agency: agencyName(rng), year, format, mixed: mixed || undefined, publishedOn: pub, cells: ordered });
  }
  return out;
}

/** The identities of domain.md §5.1–5.2 a report's cells break (blank read as 0): for the generator's own test. */
export function identityErrors(r: KnownReport): string[] {
  const v = (k: string) => r.cells[k] ?? 0;
  const errs: string[] = [];
  const rows = t3RowsFor(r.format, Boolean(r.mixed));
  for (const row of rows) {
    const s = T3_COLUMNS.slice(0, 6).reduce((a, c) => a + v(t3Key(row.key, c.key)), 0);
    if (s !== v(t3Key(row.key, "total"))) errs.push(`W3 ${row.key}`);
  }
  for (const c of T3_COLUMNS) {
    const k = (row: string) => v(t3Key(row, c.key));
    if (k("received") + k("carried_over") !== k("total_handled") + k("carried_forward")) errs.push(`W1 ${c.key}`);
    const results = rows.filter((x) => x.result).reduce((a, x) => a + k(x.key), 0);
    if (results !== k("total_handled")) errs.push(`W2 ${c.key}`);
  }
  for (const g of T4_GROUPS) {
    const s = T4_RESULTS.slice(0, 4).reduce((a, x) => a + v(t4Key(g.key, x.key)), 0);
    if (s !== v(t4Key(g.key, "total"))) errs.push(`W5 ${g.key}`);
  }
  return errs;
}
