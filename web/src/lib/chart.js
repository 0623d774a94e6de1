// Hand-drawn SVG charts (no chart library): horizontal bars and a multi-series line chart.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text != null) el.textContent = text;
  return el;
}

/**
 * Horizontal bars. rows: [{ label, value, note, color }]; valueLabel(v) formats the value text.
 */
export function barChart(rows, { width = 760, barH = 26, gap = 8, labelW = 250, valueLabel = String, title = '' } = {}) {
  const top = title ? 24 : 4;
  const height = top + rows.length * (barH + gap) + 4;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart', 'aria-label': title });
  if (title) svg.append(s('text', { x: 0, y: 16, class: 'chart-title' }, title));
  const max = Math.max(...rows.map((r) => r.value), 1e-9);
  const plotW = width - labelW - 170;
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const w = Math.max(1, (r.value / max) * plotW);
    svg.append(
      s('text', { x: labelW - 8, y: y + barH * 0.68, 'text-anchor': 'end', class: 'chart-label' }, r.label),
      s('rect', { x: labelW, y, width: w, height: barH, rx: 3, fill: r.color ?? '#4a7bd0' }),
      s('text', { x: labelW + w + 6, y: y + barH * 0.68, class: 'chart-value' }, valueLabel(r.value) + (r.note ? `  ${r.note}` : '')),
    );
  });
  return svg;
}

/**
 * Line chart over points x = 0..n-1. series: [{ name, color, values: [number|null] }];
 * xLabels: one label per point; yLabel(v) formats the axis; hline: optional { value, label }.
 */
export function lineChart(series, xLabels, { width = 760, height = 260, yLabel = String, hline = null, title = '' } = {}) {
  const m = { l: 70, r: 120, t: title ? 28 : 10, b: 48 };
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart', 'aria-label': title });
  if (title) svg.append(s('text', { x: 0, y: 16, class: 'chart-title' }, title));
  const all = series.flatMap((x) => x.values).filter((v) => v != null).concat(hline ? [hline.value] : []);
  const maxV = Math.max(...all, 1) * 1.08;
  const n = Math.max(xLabels.length, 1);
  const pw = width - m.l - m.r, ph = height - m.t - m.b;
  const X = (i) => m.l + (n === 1 ? pw / 2 : (i / (n - 1)) * pw);
  const Y = (v) => m.t + ph - (v / maxV) * ph;
  for (let k = 0; k <= 4; k++) {
    const v = (maxV * k) / 4;
    svg.append(s('line', { x1: m.l, x2: m.l + pw, y1: Y(v), y2: Y(v), class: 'chart-grid' }),
      s('text', { x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'chart-axis' }, yLabel(v)));
  }
  const every = Math.ceil(n / 8);
  xLabels.forEach((lab, i) => {
    if (i % every && i !== n - 1) return;
    svg.append(s('text', { x: X(i), y: m.t + ph + 16, 'text-anchor': 'middle', class: 'chart-axis' }, lab));
  });
  if (hline) {
    svg.append(s('line', { x1: m.l, x2: m.l + pw, y1: Y(hline.value), y2: Y(hline.value), class: 'chart-budget' }),
      s('text', { x: m.l + pw + 4, y: Y(hline.value) + 4, class: 'chart-axis' }, hline.label));
  }
  const legends = [];
  for (const ser of series) {
    const pts = ser.values.map((v, i) => (v == null ? null : [X(i), Y(v)])).filter(Boolean);
    if (!pts.length) continue;
    svg.append(s('polyline', { points: pts.map((p) => p.join(',')).join(' '), fill: 'none', stroke: ser.color, 'stroke-width': 2 }));
    for (const [x, y] of pts) svg.append(s('circle', { cx: x, cy: y, r: 3, fill: ser.color }));
    const [lx, ly] = pts[pts.length - 1];
    legends.push({ x: lx + 8, y: ly + 4, ser });
  }
  // end-of-line labels, pushed apart so close lines stay readable
  legends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < legends.length; i++) legends[i].y = Math.max(legends[i].y, legends[i - 1].y + 13);
  for (const l of legends) svg.append(s('text', { x: l.x, y: l.y, class: 'chart-legend', fill: l.ser.color }, l.ser.name));
  return svg;
}
