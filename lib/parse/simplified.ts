/**
 * Traditional → Simplified characters, character by character (OpenCC's Taiwan table). Not the
 * phrase table: it turns 文件 into 文档. A mirror's 文件→檔案 phrase swap is a label variant in the
 * template instead. Built on first use: the tables take ~80 ms to load and most reports never need them.
 */
import { Converter } from "opencc-js/t2cn";

let convert: ((s: string) => string) | undefined;

export function toSimplified(text: string): string {
  convert ??= Converter({ from: "tw", to: "cn" });
  return convert(text);
}
