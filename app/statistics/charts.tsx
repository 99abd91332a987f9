/**
 * Bar charts as plain SVG, rendered on the server: readable without JavaScript, printable, and
 * never the only carrier of a figure (each chart has a table beside it). Colours keep at least
 * 3:1 against white (WCAG 1.4.11); adjacent segments are separated by a white line.
 */
import type { ReactNode } from "react";

export type Series = { key: string; label: string; color: string };

function Frame({ id, title, desc, width, height, children }: {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** A tidy upper bound for an axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Stacked columns, one per label (month), segments per series (reporter category). */
export function StackedColumns({
  id,
  title,
  desc,
  labels,
  series,
  values,
}: {
  id: string;
  title: string;
  desc: string;
  labels: { key: string; text: string }[];
  series: Series[];
  values: (label: string, series: string) => number;
}) {
  const width = 560;
  const height = 240;
  const left = 36;
  const bottom = 28;
  const top = 8;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const totals = labels.map((l) => series.reduce((sum, s) => sum + values(l.key, s.key), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, slot * 0.7);
  const every = Math.ceil(labels.length / 12);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <Frame id={id} title={title} desc={desc} width={width} height={height}>
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke="#c9ccd6" strokeWidth={1} />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#4a4a55">
            {tick}
          </text>
        </g>
      ))}
      {labels.map((label, i) => {
        let base = 0;
        const x = left + i * slot + (slot - barW) / 2;
        return (
          <g key={label.key}>
            {series.map((s) => {
              const v = values(label.key, s.key);
              if (v === 0) return null;
              const y0 = y(base);
              base += v;
              return <rect key={s.key} x={x} y={y(base)} width={barW} height={y0 - y(base)} fill={s.color} stroke="#fff" strokeWidth={0.75} />;
            })}
            {i % every === 0 ? (
              <text x={x + barW / 2} y={height - bottom + 16} textAnchor="middle" fontSize={11} fill="#1b1b1f">
                {label.text}
              </text>
            ) : null}
          </g>
        );
      })}
    </Frame>
  );
}

/** Horizontal bars, a label above each, the value after the bar. */
export function HorizontalBars({
  id,
  title,
  desc,
  items,
}: {
  id: string;
  title: string;
  desc: string;
  items: { key: string; label: string; value: number; text?: string; color: string }[];
}) {
  const width = 560;
  const row = 40;
  const height = items.length * row + 4;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  const barMax = width - 80;
  return (
    <Frame id={id} title={title} desc={desc} width={width} height={height}>
      {items.map((item, i) => {
        const w = (item.value / max) * barMax;
        const top = i * row;
        return (
          <g key={item.key}>
            <text x={0} y={top + 13} fontSize={12} fill="#1b1b1f">
              {item.label}
            </text>
            <rect x={0} y={top + 18} width={Math.max(w, item.value > 0 ? 2 : 0)} height={14} fill={item.color} />
            <text x={w + 6} y={top + 30} fontSize={12} fill="#1b1b1f" fontWeight={600}>
              {item.text ?? item.value}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** One bar split in two parts of a whole (e.g. within 14 days / later), with their shares. */
export function SplitBar({
  id,
  title,
  desc,
  parts,
}: {
  id: string;
  title: string;
  desc: string;
  parts: { key: string; label: string; value: number; color: string }[];
}) {
  const width = 560;
  const height = 70;
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  let x = 0;
  return (
    <Frame id={id} title={title} desc={desc} width={width} height={height}>
      {parts.map((p) => {
        const w = total ? (p.value / total) * width : 0;
        const at = x;
        x += w;
        return w > 0 ? <rect key={p.key} x={at} y={4} width={w} height={28} fill={p.color} stroke="#fff" strokeWidth={1} /> : null;
      })}
      {parts.map((p, i) => (
        <g key={p.key}>
          <rect x={i * 280} y={44} width={12} height={12} fill={p.color} />
          <text x={i * 280 + 18} y={55} fontSize={12} fill="#1b1b1f">
            {p.label}: {p.value}
            {total ? ` (${Math.round((p.value / total) * 100)} %)` : ""}
          </text>
        </g>
      ))}
    </Frame>
  );
}
