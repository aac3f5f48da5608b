/** Charts drawn by Chart.js on canvas, recreated when their data or the colour scheme changes. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip,
  type ChartConfiguration, type ChartEvent, type ActiveElement,
} from 'chart.js';
import type { Palette } from './theme';
import type { Day } from './format';
import { num } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

function Canvas({ config, label, height }: { config: ChartConfiguration<'bar'>; label: string; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(ref.current!, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}

function base(p: Palette) {
  Chart.defaults.color = p.muted;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: {
      legend: { display: false, labels: { color: p.text, boxWidth: 12, boxHeight: 12, usePointStyle: true, pointStyle: 'rectRounded' as const } },
      tooltip: { backgroundColor: p.text, titleColor: p.grid, bodyColor: p.grid, padding: 10, cornerRadius: 6, displayColors: true },
    },
  };
}

/** Reports per day: flagged ones and rating-only ones stacked. */
export function TimeChart({ days, palette }: { days: Day[]; palette: Palette }) {
  const config = useMemo<ChartConfiguration<'bar'>>(() => ({
    type: 'bar',
    data: {
      labels: days.map((d) => d.day),
      datasets: [
        { label: 'Flagged', data: days.map((d) => d.flagged), backgroundColor: palette.flag, borderRadius: 2, stack: 'r' },
        { label: 'Rating only', data: days.map((d) => d.reports - d.flagged), backgroundColor: palette.accent, borderRadius: 2, stack: 'r' },
      ],
    },
    options: {
      ...base(palette),
      plugins: { ...base(palette).plugins, legend: { ...base(palette).plugins.legend, display: true, position: 'top', align: 'end' } },
      scales: {
        x: {
          stacked: true,
          grid: { display: false },
          ticks: { color: palette.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 16, callback: (_v, i) => shortDay(days[i]?.day ?? '') },
        },
        y: { stacked: true, beginAtZero: true, grid: { color: palette.grid }, border: { display: false }, ticks: { color: palette.muted, precision: 0 } },
      },
    },
  }), [days, palette]);
  const total = days.reduce((s, d) => s + d.reports, 0);
  return <Canvas config={config} height={230} label={`Reports per day, ${days.length} days, ${total} reports`} />;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDay(day: string): string {
  if (!day) return '';
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

/** Horizontal bars of counts; a click on a bar filters by it. */
export function CountChart({
  rows, palette, name, label, color, onPick,
}: {
  rows: { key: string; count: number }[];
  palette: Palette;
  name: (key: string) => string;
  label: string;
  color: string;
  onPick?: (key: string) => void;
}) {
  const shown = useMemo(() => rows.slice(0, 8), [rows]);
  // The chart is not rebuilt when only the callback changes.
  const pick = useRef(onPick);
  pick.current = onPick;
  const config = useMemo<ChartConfiguration<'bar'>>(() => ({
    type: 'bar',
    data: {
      labels: shown.map((r) => name(r.key)),
      datasets: [{ label: 'Reports', data: shown.map((r) => r.count), backgroundColor: color, borderRadius: 4, barPercentage: 0.8, categoryPercentage: 0.85 }],
    },
    options: {
      ...base(palette),
      indexAxis: 'y',
      onClick: (_e: ChartEvent, els: ActiveElement[]) => {
        const i = els[0]?.index;
        if (i !== undefined && pick.current) pick.current(shown[i]!.key);
      },
      onHover: (e: ChartEvent, els: ActiveElement[]) => {
        const t = e.native?.target as HTMLElement | undefined;
        if (t) t.style.cursor = els.length && pick.current ? 'pointer' : 'default';
      },
      scales: {
        x: { beginAtZero: true, grid: { color: palette.grid }, border: { display: false }, ticks: { color: palette.muted, precision: 0 } },
        y: { grid: { display: false }, ticks: { color: palette.text, autoSkip: false } },
      },
    },
  }), [shown, palette, name, color]);
  const words = shown.map((r) => `${name(r.key)} ${num(r.count)}`).join(', ');
  return <Canvas config={config} height={Math.max(120, shown.length * 30 + 30)} label={`${label}: ${words || 'none'}`} />;
}

/** Thumbs up and down per vendor, as shares of that vendor's ratings. */
export function RatioChart({ rows, palette, name }: { rows: { vendor: string; up: number; down: number }[]; palette: Palette; name: (k: string) => string }) {
  const shown = useMemo(() => rows.slice(0, 8), [rows]);
  const share = (n: number, r: { up: number; down: number }) => (r.up + r.down ? (n / (r.up + r.down)) * 100 : 0);
  const config = useMemo<ChartConfiguration<'bar'>>(() => ({
    type: 'bar',
    data: {
      labels: shown.map((r) => name(r.vendor)),
      datasets: [
        { label: 'Thumbs up', data: shown.map((r) => share(r.up, r)), backgroundColor: palette.up, stack: 's', borderRadius: 3 },
        { label: 'Thumbs down', data: shown.map((r) => share(r.down, r)), backgroundColor: palette.down, stack: 's', borderRadius: 3 },
      ],
    },
    options: {
      ...base(palette),
      indexAxis: 'y',
      plugins: {
        ...base(palette).plugins,
        legend: { ...base(palette).plugins.legend, display: true, position: 'top', align: 'end' },
        tooltip: {
          ...base(palette).plugins.tooltip,
          callbacks: {
            label: (ctx) => {
              const r = shown[ctx.dataIndex]!;
              const n = ctx.datasetIndex === 0 ? r.up : r.down;
              return ` ${ctx.dataset.label}: ${Math.round(ctx.parsed.x ?? 0)} % (${num(n)})`;
            },
          },
        },
      },
      scales: {
        x: { stacked: true, min: 0, max: 100, grid: { color: palette.grid }, border: { display: false }, ticks: { color: palette.muted, callback: (v) => `${v} %` } },
        y: { stacked: true, grid: { display: false }, ticks: { color: palette.text } },
      },
    },
  }), [shown, palette, name]);
  const words = shown.map((r) => `${name(r.vendor)} ${r.up} up, ${r.down} down`).join('; ');
  return <Canvas config={config} height={Math.max(140, shown.length * 30 + 60)} label={`Thumbs up and down by vendor: ${words || 'none'}`} />;
}
