/**
 * Five hostile uploads, made on the spot (never committed blobs), each of which once held the
 * server for seconds to minutes: used by `npm run bench:hostile` and e2e/hostile-latency.spec.ts.
 */
import JSZip from "jszip";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export async function hostileFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const enc = (s: string) => new TextEncoder().encode(s);
  const docx = async (body: string) => {
    const z = new JSZip();
    z.file("word/document.xml", `<w:document ${W}><w:body>${body}</w:body></w:document>`);
    return z.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
  };
  return [
    // N unclosed rows: quadratic in the old Word reader.
    { name: "unclosed-rows.docx", bytes: await docx(`<w:tbl>${"<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>".repeat(40_000)}`) },
    // 200 KB that inflates to 200 MB of XML.
    { name: "inflates.docx", bytes: await docx(" ".repeat(200 * 1024 * 1024)) },
    // Spans that expand a small table into millions of grid cells.
    {
      name: "spans.html",
      bytes: enc(
        `<html><body><table>${`<tr>${'<td colspan="100" rowspan="100">1</td>'.repeat(40)}</tr>`.repeat(100)}</table></body></html>`,
      ),
    },
    // Nesting deep enough to overflow a recursive walk.
    { name: "deep.html", bytes: enc(`<html><body>${"<div>".repeat(200_000)}2024年度报告${"</div>".repeat(200_000)}</body></html>`) },
    { name: "deep2.html", bytes: enc(`<html><body>${"<div><span>".repeat(150_000)}x${"</span></div>".repeat(150_000)}</body></html>`) },
  ];
}
