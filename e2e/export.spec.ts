import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import JSZip from "jszip";
import { expect, test, type Download, type Page } from "@playwright/test";

const read = async (d: Download) => readFileSync((await d.path())!);

async function openAgency(page: Page, name: string) {
  await page.goto("/");
  await page.getByTestId("agency-list").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  // Cards stream in: wait until no skeleton is left, so every chart is on the page.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Width, height and pixel statistics of a PNG, decoded by the browser itself. */
async function inspectPng(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const count = (y0: number, y1: number) => {
      const d = ctx.getImageData(0, y0, c.width, y1 - y0).data;
      let dark = 0;
      let nonWhite = 0;
      for (let i = 0; i < d.length; i += 4) {
        const lum = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
        if (lum < 100) dark++;
        if (lum < 245) nonWhite++;
      }
      return { dark, nonWhite };
    };
    // The title band is the top 64 px of the framed chart, drawn at 2×.
    return { width: img.width, height: img.height, title: count(0, 64 * 2), all: count(0, img.height) };
  }, png.toString("base64"));
}

test("every chart downloads as PNG (2×, titled, not blank), standalone SVG, CSV with BOM and XLSX", async ({ page }) => {
  await openAgency(page, "平潭综合实验区");
  const figure = page.getByTestId("chart-export").first();
  await expect(figure.locator(".recharts-wrapper > svg").first()).toBeVisible();
  const title = (await figure.getAttribute("data-title"))!;
  const box = (await figure.locator(".recharts-wrapper > svg").first().boundingBox())!;

  const [pngDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载 PNG" }).click()]);
  const png = await read(pngDl);
  expect(pngDl.suggestedFilename()).toMatch(/\.png$/);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const info = await inspectPng(page, png);
  // Drawn at the fixed export width whatever the screen (issue 15).
  expect(info.width).toBe(2 * 960);
  expect(info.height).toBeGreaterThan(2 * Math.round(box.height));
  expect(info.title.dark).toBeGreaterThan(500);
  expect(info.all.nonWhite).toBeGreaterThan(info.width * 20);
  const ms = Number(await figure.getAttribute("data-png-ms"));
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/png-timing.json", JSON.stringify({ chart: title, ms }));
  console.log(`single chart PNG ready in ${ms} ms`);
  expect(ms).toBeLessThanOrEqual(300);

  const [svgDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载 SVG" }).click()]);
  const svg = (await read(svgDl)).toString("utf8");
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain(title);
  expect(svg).toContain("数据来源：各单位政府信息公开工作年度报告");
  expect(svg).not.toContain("var(--");

  const [csvDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载数据 CSV" }).click()]);
  const csv = (await read(csvDl)).toString("utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("年度");

  const [xlsxDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "XLSX" }).click()]);
  const xlsx = await read(xlsxDl);
  expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  const book = await JSZip.loadAsync(xlsx);
  expect(Object.keys(book.files)).toContain("xl/worksheets/sheet1.xml");
});

test("the applications chart's CSV holds the figures the chart shows", async ({ page }) => {
  await openAgency(page, "平潭综合实验区");
  const figure = page.locator('[data-testid="chart-export"][data-title*="申请"]').first();
  const [csvDl] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "下载数据 CSV" }).click()]);
  const lines = (await read(csvDl)).toString("utf8").slice(1).split("\r\n");
  // 平潭 2021 received 70 (64 自然人, 2 社会公益组织, 4 其他); 2018 and earlier print no tables: blank, not 0.
  const row2021 = lines.find((l) => l.startsWith("2021,"))!;
  expect(
    row2021
      .split(",")
      .slice(1)
      .map(Number)
      .reduce((a, b) => a + b, 0),
  ).toBe(70);
  expect(row2021.split(",")[1]).toBe("64");
  const row2018 = lines.find((l) => l.startsWith("2018,"));
  if (row2018) expect(row2018.replace(/^2018,/, "").replace(/[^0-9]/g, "")).toBe("");
});

test("导出本页全部图表 gives one ZIP with every chart as PNG, SVG and CSV", async ({ page }) => {
  await openAgency(page, "平潭综合实验区");
  const charts = await page.getByTestId("chart-export").count();
  expect(charts).toBeGreaterThan(3);
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("export-page").click()]);
  const zip = await JSZip.loadAsync(await read(dl));
  const names = Object.keys(zip.files);
  expect(names.filter((n) => n.endsWith(".png"))).toHaveLength(charts);
  expect(names.filter((n) => n.endsWith(".svg"))).toHaveLength(charts);
  expect(names.filter((n) => n.endsWith(".csv"))).toHaveLength(charts);
});

test("a report's tables and the findings download as CSV and XLSX", async ({ page, request }) => {
  await openAgency(page, "平潭综合实验区");
  await page.getByTestId("report-list").getByRole("link", { name: "2021 年度" }).click();
  const csvHref = (await page.getByTestId("table-downloads").getByRole("link", { name: "CSV" }).getAttribute("href"))!;
  const csv = await (await request.get(csvHref)).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("一、本年新收政府信息公开申请数量,64,0,0,2,0,4,70");
  const xlsx = await (await request.get(csvHref.replace("csv", "xlsx"))).body();
  expect(Object.keys((await JSZip.loadAsync(xlsx)).files)).toEqual(
    expect.arrayContaining(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"]),
  );
  const findings = await (await request.get("/api/findings/export?severity=error&format=csv")).text();
  expect(findings.charCodeAt(0)).toBe(0xfeff);
  expect(findings).toContain("表三 自然人列：办理结果各项合计 26，（七）总计 20，相差 6");
});

test("a data package of a region lists one JSON and one source per report", async ({ page }) => {
  await page.goto("/export");
  await page.getByTestId("package-export").getByLabel("地区").selectOption({ label: "江苏省" });
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("package-export").getByRole("link", { name: "下载数据包" }).click(),
  ]);
  const zip = await JSZip.loadAsync(await read(dl));
  const names = Object.keys(zip.files)
    .filter((n) => !n.endsWith("/"))
    .sort();
  expect(names).toEqual([
    "manifest.json",
    "reports/淮安市人民政府-2024.json",
    "reports/淮安市洪泽区人民政府-2023.json",
    "reports/淮安市洪泽区人民政府-2024.json",
    "sources/淮安市人民政府-2024.txt",
    "sources/淮安市洪泽区人民政府-2023.txt",
    "sources/淮安市洪泽区人民政府-2024.txt",
  ]);
});

test("a region's charts for every agency in one ZIP, named by agency, with progress", async ({ page }) => {
  await page.goto("/export");
  const box = page.getByTestId("region-charts");
  await box.getByLabel("地区").selectOption({ label: "福建省" });
  await box.getByLabel("起始年度").fill("2019");
  await box.getByLabel("结束年度").fill("2025");
  const [dl] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    box.getByRole("button", { name: "导出地区图表" }).click(),
  ]);
  await expect(box.getByRole("status")).toContainText("已导出 2 个单位、4 张图表");
  await expect(box.locator("progress")).toHaveAttribute("value", "4");
  const zip = await JSZip.loadAsync(await read(dl));
  const names = Object.keys(zip.files).filter((n) => !n.endsWith("/"));
  expect(names.filter((n) => n.startsWith("平潭综合实验区/") && n.endsWith(".png"))).toHaveLength(2);
  expect(names.filter((n) => n.startsWith("平潭综合实验区财政金融局/") && n.endsWith(".svg"))).toHaveLength(2);
  expect(names).toHaveLength(12);
  const png = await zip.file(names.find((n) => n.endsWith(".png"))!)!.async("nodebuffer");
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const info = await inspectPng(page, png);
  // Drawn at the export width of every chart (960 px, PNG at twice that), not a narrower one of its own.
  expect(info.width).toBe(1920);
  expect(info.title.dark).toBeGreaterThan(500);
});

test("a region's totals page exports its charts too", async ({ page }) => {
  await openAgency(page, "平潭综合实验区");
  await page.getByRole("link", { name: /地区合计$/ }).click();
  // Count on the region page, not on the agency page still being replaced.
  await expect(page).toHaveURL(/\/regions\/\d+/);
  await expect(page.getByTestId("card-region-totals")).toBeVisible();
  await expect(page.locator('[data-testid="chart-export"][data-title="复议诉讼纠错率"]')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const charts = page.getByTestId("chart-export");
  await expect(charts.first()).toBeVisible();
  const n = await charts.count();
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("export-page").click()]);
  const zip = await JSZip.loadAsync(await read(dl));
  expect(Object.keys(zip.files).filter((f) => f.endsWith(".png"))).toHaveLength(n);
  expect(await zip.file(Object.keys(zip.files).find((f) => f.endsWith(".svg"))!)!.async("string")).toContain("（地区合计）");
});
