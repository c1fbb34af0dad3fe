#!/usr/bin/env node
// A small, self-contained SVG bar chart of bench results: cold, warm and one-change wall times
// (and the I/O floor) per corpus size, one panel per size, each with its own scale.
//
//   node bench/chart.mjs [bench/results.json] [bench/chart.svg]
//
// No dependencies, no external fonts or scripts; white background so it reads in light mode.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERIES = [
  { key: 'cold', label: 'cold build', color: '#1d5fa7' },
  { key: 'warm', label: 'warm build (nothing changed)', color: '#d9730d' },
  { key: 'oneChange', label: 'one post changed', color: '#2b8a3e' },
  { key: 'floor', label: 'floor: read + write only', color: '#9aa0a6' },
];

/** Hugo's cold build of 4,000 posts on a machine of the same kind (../shared/bench/README.md). */
const PEER = { posts: 4000, seconds: 1.81, label: 'Hugo, cold build: 1.81 s' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (s) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));

/** A round step (1, 2, 2.5 or 5 × 10^k) that splits `max` into about four intervals. */
function step(max) {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

export function renderChart(results) {
  const sizes = results.sizes;
  const width = 760;
  const panelTop = 136;
  const panelHeight = 200;
  const left = 64;
  const right = 16;
  const gap = 28;
  const height = panelTop + panelHeight + 62;
  const panelWidth = (width - left - right - gap * (sizes.length - 1)) / Math.max(sizes.length, 1);
  const font = 'font-family="system-ui, sans-serif"';
  const m = results.machine ?? {};
  const runs = results.settings?.runs ?? '?';
  // Other work on the machine slows every bar: say so when the load exceeded the cores.
  const loads = sizes.map((s) => s.loadAverageAfter?.[0] ?? 0).concat(m.loadAverage?.[0] ?? 0);
  const busy = m.cores && Math.max(...loads) > m.cores ? Math.max(...loads).toFixed(1) : '';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font} role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">omnipress build wall time by number of posts</title>`,
    `<desc id="chart-desc">${esc(
      sizes
        .map((s) => `${s.posts} posts: ${SERIES.map((x) => `${x.label} ${fmt(s.scenarios[x.key].wallS)} s`).join(', ')}`)
        .join('. '),
    )}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="28" font-size="18" font-weight="600" fill="#1a1a1a">omnipress build time by site size</text>`,
    `<text x="${left}" y="48" font-size="12" fill="#555">median wall time of ${esc(runs)} run(s) per bar, whole process, corpus and output in ${
      results.settings?.ramDisk ? 'RAM' : 'a disk folder'
    }; each panel has its own scale</text>`,
    `<text x="${left}" y="64" font-size="12" fill="#555">${esc(
      `${m.cores ?? '?'} cores (${m.cpu ?? 'unknown CPU'}), ${m.memoryGiB ?? '?'} GiB, Node ${m.node ?? '?'}, ${String(results.date ?? '').slice(0, 10)}` +
        (busy ? `; machine busy: load average ${busy} on ${m.cores} cores` : ''),
    )}</text>`,
  ];
  // Legend
  let lx = left;
  for (const s of SERIES) {
    parts.push(`<rect x="${lx}" y="78" width="12" height="12" fill="${s.color}"/>`);
    parts.push(`<text x="${lx + 17}" y="88.5" font-size="12" fill="#1a1a1a">${esc(s.label)}</text>`);
    lx += 24 + s.label.length * 6.6;
  }
  if (sizes.some((s) => s.posts === PEER.posts)) {
    parts.push(`<line x1="${left}" x2="${left + 18}" y1="110" y2="110" stroke="#c92a2a" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${left + 24}" y="114" font-size="12" fill="#1a1a1a">${esc(`${PEER.label} for 4,000 posts on a machine of the same kind (peer bench figure, not this run)`)}</text>`);
  }
  // Y axis title
  const midY = panelTop + panelHeight / 2;
  parts.push(`<text x="16" y="${midY}" font-size="12" fill="#333" text-anchor="middle" transform="rotate(-90 16 ${midY})">wall time (s)</text>`);

  sizes.forEach((size, i) => {
    const x0 = left + i * (panelWidth + gap);
    const values = SERIES.map((s) => size.scenarios[s.key].wallS);
    const peer = size.posts === PEER.posts ? PEER.seconds : 0;
    const unit = step(Math.max(...values, peer, 0.001));
    const top = Math.ceil(Math.max(...values, peer) / unit) * unit || unit;
    const y = (v) => panelTop + panelHeight - (v / top) * panelHeight;
    // Grid and tick labels
    for (let t = 0; t <= top + unit / 1000; t += unit) {
      const ty = y(t).toFixed(1);
      parts.push(`<line x1="${x0}" x2="${(x0 + panelWidth).toFixed(1)}" y1="${ty}" y2="${ty}" stroke="${t === 0 ? '#333' : '#e3e3e3'}" stroke-width="1"/>`);
      parts.push(`<text x="${x0 - 5}" y="${(y(t) + 4).toFixed(1)}" font-size="11" fill="#555" text-anchor="end">${esc(+t.toFixed(3))}</text>`);
    }
    const band = panelWidth / SERIES.length;
    const barWidth = Math.min(band * 0.72, 44);
    SERIES.forEach((s, j) => {
      const v = values[j];
      const bx = x0 + j * band + (band - barWidth) / 2;
      const by = y(v);
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(panelTop + panelHeight - by).toFixed(1)}" fill="${s.color}"><title>${esc(`${size.posts} posts, ${s.label}: ${fmt(v)} s`)}</title></rect>`,
      );
      parts.push(`<text x="${(bx + barWidth / 2).toFixed(1)}" y="${(by - 4).toFixed(1)}" font-size="11" fill="#1a1a1a" text-anchor="middle">${fmt(v)}</text>`);
    });
    if (peer) {
      const py = y(peer).toFixed(1);
      parts.push(`<line x1="${x0}" x2="${(x0 + panelWidth).toFixed(1)}" y1="${py}" y2="${py}" stroke="#c92a2a" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    }
    parts.push(
      `<text x="${(x0 + panelWidth / 2).toFixed(1)}" y="${panelTop + panelHeight + 22}" font-size="13" font-weight="600" fill="#1a1a1a" text-anchor="middle">${esc(size.posts.toLocaleString('en-US'))} posts</text>`,
    );
  });
  parts.push(
    `<text x="${left + (width - left - right) / 2}" y="${height - 12}" font-size="12" fill="#333" text-anchor="middle">corpus size (Korean, Chinese and English posts)</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export function writeChart(results, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderChart(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const [input = path.join(here, 'results.json'), output = path.join(here, 'chart.svg')] = process.argv.slice(2);
  writeChart(JSON.parse(fs.readFileSync(input, 'utf8')), output);
  process.stdout.write(`wrote ${output}\n`);
}
