/** Pinyin initials of an agency name, for search: 平潭综合实验区 → ptzhsyq. */
import { pinyin } from "pinyin-pro";

export function nameInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array" }).join("").toLowerCase();
}
