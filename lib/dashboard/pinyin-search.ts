/**
 * Finding an agency by what people type: Chinese, pinyin initials (ptzhsyq) or full pinyin,
 * whole or begun (pingtan, pingtanzonghe, pingt). The database holds each name's initials; a full
 * pinyin query is read as syllables to get the initials it could stand for (pingtan → pt), which
 * narrow the rows, and pinyin-pro's match then checks each name against the letters exactly.
 */
import { match } from "pinyin-pro";

const INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];
const FINALS = [
  "iang",
  "iong",
  "uang",
  "ang",
  "eng",
  "ing",
  "ong",
  "ian",
  "iao",
  "uai",
  "uan",
  "van",
  "ai",
  "ei",
  "ui",
  "ao",
  "ou",
  "iu",
  "ie",
  "ve",
  "ue",
  "er",
  "an",
  "en",
  "in",
  "un",
  "vn",
  "ia",
  "ua",
  "uo",
  "a",
  "o",
  "e",
  "i",
  "u",
  "v",
];

/** The syllables that can start `s` (longest first), a bare initial included (mixed or unfinished input). */
function heads(s: string): string[] {
  const out = new Set<string>();
  for (const ini of ["", ...INITIALS]) {
    if (!s.startsWith(ini)) continue;
    const rest = s.slice(ini.length);
    for (const fin of FINALS) if (rest.startsWith(fin)) out.add(ini + fin);
    if (ini) {
      out.add(ini);
      // An unfinished last syllable: "pingt", "pingtanzo".
      if (rest.length > 0 && rest.length < 4 && FINALS.some((f) => f.startsWith(rest))) out.add(ini + rest);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Initials strings a run of Latin letters may stand for: "pingtan" → ["pt", …]. At most `cap`. */
export function initialsOf(query: string, cap = 12): string[] {
  const s = query.toLowerCase().replace(/[^a-z]/g, "");
  if (!s) return [];
  const found = new Set<string>();
  const walk = (rest: string, acc: string) => {
    if (found.size >= cap) return;
    if (!rest) return void found.add(acc);
    for (const h of heads(rest)) walk(rest.slice(h.length), acc + h[0]);
  };
  walk(s, "");
  return [...found];
}

/** Does `name` answer the query: its characters, or its pinyin (full, initials or mixed)? */
export function nameMatches(name: string, query: string): boolean {
  const q = query.trim();
  if (!q) return false;
  if (name.includes(q)) return true;
  if (!/^[a-z\s]+$/i.test(q)) return false;
  return match(name, q.toLowerCase().replace(/\s+/g, ""), { continuous: true }) !== null;
}
