"use client";
/**
 * Charts for every agency of a region in one ZIP, without opening each page: the figures come
 * from /api/export/region-charts, each chart is drawn off screen at a fixed size, framed like any
 * other exported chart, and packed as agency/chart.png, .svg and .csv.
 */
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { CHART, FRAME_COLORS, legendOf, seriesColor } from "@/components/charts/palette";
import { EXPORT_WIDTH, downloadBlob, svgToPng } from "@/components/export/files";
import { YearTick } from "@/components/charts/family-chart";
import { composeChartSvg } from "@/lib/export/svg";
import { SOURCE_LINE, madeOnLine, safeFileName, toCsv } from "@/lib/export/table";
import { msg } from "@/lib/messages";
import { NamedOptions } from "@/components/form/named-options";

const dash = msg.dashboard;

interface Family {
  id: string;
  title: string;
  unit: string;
  chart: string;
  series: { id: string; label: string }[];
}
interface Payload {
  families: Family[];
  agencies: {
    id: number;
    name: string;
    charts: Record<string, { year: number; filed: boolean; values: Record<string, number | null> }[]>;
  }[];
  error?: string;
}

// The width every exported chart is drawn at (a chart exported from its page looks the same).
const W = EXPORT_WIDTH;
const H = 300;

function StaticChart({ family, rows }: { family: Family; rows: Payload["agencies"][number]["charts"][string] }) {
  const data = rows.map((r) => ({ year: r.year, ...r.values }));
  const axis = [
    <CartesianGrid key="g" stroke={CHART.grid} strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="year"
      stroke={CHART.axis}
      height={36}
      interval={0}
      tick={<YearTick note={(y) => (rows.find((r) => r.year === y)?.filed ? "" : dash.notFiled)} />}
    />,
    <YAxis key="y" stroke={CHART.axis} tick={{ fill: CHART.text, fontSize: 11 }} width={56} />,
  ];
  return family.chart === "stacked" ? (
    <BarChart width={W} height={H} data={data} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
      {axis}
      {family.series.map((s) => (
        <Bar key={s.id} dataKey={s.id} stackId="a" fill={seriesColor(s.id)} isAnimationActive={false} />
      ))}
    </BarChart>
  ) : (
    <LineChart width={W} height={H} data={data} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
      {axis}
      {family.series.map((s) => (
        <Line
          key={s.id}
          dataKey={s.id}
          stroke={seriesColor(s.id)}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

async function drawOffscreen(node: React.ReactNode): Promise<string> {
  const host = document.createElement("div");
  host.style.cssText = `position:absolute;left:-20000px;top:0;width:${W}px;font-family:${CHART.font}`;
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(node));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const svg = host.querySelector("svg.recharts-surface");
    if (!svg) throw new Error(msg.exportPage.chartFailed);
    return new XMLSerializer().serializeToString(svg);
  } finally {
    root.unmount();
    host.remove();
  }
}

export function RegionChartsExport({
  regions,
  families,
  years,
}: {
  regions: { id: number; name: string }[];
  families: { id: string; title: string }[];
  years: number[];
}) {
  const [region, setRegion] = useState(regions[0]?.id ?? 0);
  const [from, setFrom] = useState(years[0] ?? 2019);
  const [to, setTo] = useState(years[years.length - 1] ?? 2025);
  const [chosen, setChosen] = useState<string[]>(families.slice(0, 2).map((f) => f.id));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    setMessage(null);
    const res = await fetch(`/api/export/region-charts?region=${region}&from=${from}&to=${to}&families=${chosen.join(",")}`);
    const data = (await res.json()) as Payload;
    if (!res.ok || data.error) return setMessage(data.error ?? msg.exportPage.exportFailed);
    if (data.agencies.length === 0) return setMessage(msg.exportPage.noReports);
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    const total = data.agencies.length * data.families.length;
    let done = 0;
    setProgress({ done, total });
    const regionName = regions.find((r) => r.id === region)?.name.trim() ?? msg.common.region;
    for (const a of data.agencies) {
      for (const f of data.families) {
        const rows = a.charts[f.id] ?? [];
        const series = f.series.filter((s) => rows.some((r) => r.values[s.id] !== null && r.values[s.id] !== undefined));
        const subtitle = msg.exportPage.chartCaption(a.name, from, to, f.unit === "%" ? msg.common.percent : f.unit);
        const chartSvg = await drawOffscreen(<StaticChart family={{ ...f, series }} rows={rows} />);
        const framed = composeChartSvg(
          chartSvg,
          { width: W, height: H },
          {
            title: f.title,
            subtitle,
            legend: legendOf(series),
            source: SOURCE_LINE,
            madeOn: madeOnLine(),
            font: CHART.font,
            colors: FRAME_COLORS,
          },
        );
        const base = `${safeFileName(a.name)}/${safeFileName(f.title)}`;
        zip.file(`${base}.svg`, framed.svg);
        zip.file(`${base}.png`, await svgToPng(framed.svg, framed.width, framed.height));
        zip.file(
          `${base}.csv`,
          toCsv({
            title: f.title,
            columns: [
              { key: "year", header: msg.common.year },
              ...series.map((s) => ({ key: s.id, header: s.label })),
              { key: "filed", header: msg.exportPage.filing },
            ],
            rows: rows.map((r) => ({ year: r.year, ...r.values, filed: r.filed ? "" : msg.exportPage.notFiled })),
            notes: [subtitle, SOURCE_LINE, madeOnLine()],
          }),
        );
        done++;
        setProgress({ done, total });
      }
    }
    downloadBlob(await zip.generateAsync({ type: "blob" }), `${safeFileName(msg.exportPage.zipName(regionName, from, to))}.zip`);
    setMessage(msg.exportPage.exported(data.agencies.length, total));
  };

  return (
    <div data-testid="region-charts">
      <div className="form-row">
        <label>
          {msg.common.region}
          <select value={region} onChange={(e) => setRegion(Number(e.target.value))}>
            <NamedOptions items={regions} />
          </select>
        </label>
        <label>
          {msg.exportPage.fromYear}
          <input type="number" value={from} min={2000} max={2100} onChange={(e) => setFrom(Number(e.target.value))} />
        </label>
        <label>
          {msg.exportPage.toYear}
          <input type="number" value={to} min={2000} max={2100} onChange={(e) => setTo(Number(e.target.value))} />
        </label>
      </div>
      <fieldset className="form-row" style={{ border: "none", padding: 0 }}>
        {families.map((f) => (
          <label key={f.id} style={{ flexDirection: "row", alignItems: "center", gap: 4 }}>
            <input
              type="checkbox"
              checked={chosen.includes(f.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id))}
            />
            {f.title}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={run} disabled={chosen.length === 0 || (progress !== null && progress.done < progress.total)}>
        {msg.exportPage.exportRegion}
      </button>
      {progress && (
        <p>
          <progress value={progress.done} max={progress.total} /> {progress.done}/{progress.total}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
