// Build mode: mermaid diagrams rendered to inline SVG at build time, in one headless Chromium per
// build (playwright-core), with the same mermaid version that client mode ships. Every rendered
// diagram is cached on disk by content hash, so an unchanged diagram is never rendered twice.
// The SVG goes into pages as it is (mermaid sanitized it), so each entry is sealed with a checksum
// (util/checksum.ts): one that was damaged or edited since is rendered again.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { seal, unseal } from '../util/checksum.js';
import { hashText } from '../util/hash.js';
import { type FontLookup, fontKey } from './fonts.js';
import { MERMAID_UMD, MERMAID_VERSION } from './runtime.js';

/** One diagram in both colour schemes; ids inside are `${DIAGRAM_ID}` placeholders. */
export interface DiagramSvgs {
  light: string;
  dark: string;
}

/** Mermaid's `maxTextSize` default: a longer source is not drawn. */
const MERMAID_MAX_TEXT = 50_000;

export type DiagramOutcome = { svgs: DiagramSvgs } | { error: string };

export interface DiagramStats {
  /** Diagrams rendered in the browser by this build. */
  rendered: number;
  /** Diagrams taken from the cache. */
  cached: number;
  /** Milliseconds to start the browser and load mermaid into it (0 when all were cached). */
  startMs: number;
  /** Milliseconds spent rendering diagrams, browser start excluded. */
  renderMs: number;
}

export interface DiagramResults {
  outcomes: Map<string, DiagramOutcome>;
  stats: DiagramStats;
  /** Set when no browser could be started, with what to do about it: the caller falls back to client mode. */
  unavailable?: { reason: string; hint: string };
  /** Cache files whose checksum did not match: ignored, their diagrams rendered again. */
  damaged: string[];
}

/** Stands for the unique id of a diagram on its page; replaced when the SVG is placed. */
export const DIAGRAM_ID = 'omnipress-diagram-id';
const BATCH = 20;
/** Bump when the way diagrams are rendered changes, so old cache entries are not reused. */
const RENDER_VERSION = 1;

const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Render every distinct diagram source (cache first), light and dark. */
export async function renderDiagrams(
  sources: Iterable<string>,
  options: { chromium: string; cacheDir: string; fonts: FontLookup },
): Promise<DiagramResults> {
  const outcomes = new Map<string, DiagramOutcome>();
  const cacheDir = path.join(options.cacheDir, 'mermaid');
  const cacheFile = (source: string) => cacheFileOf(cacheDir, source, fontKey(source, options.fonts));
  const misses: string[] = [];
  const damaged: string[] = [];
  for (const source of new Set(sources)) {
    if (source.length > MERMAID_MAX_TEXT) {
      // Mermaid would draw a picture saying so instead of the diagram; that is an error to fix.
      outcomes.set(source, { error: `the diagram is ${source.length.toLocaleString('en')} characters long, more than Mermaid's limit of ${MERMAID_MAX_TEXT.toLocaleString('en')}; split it into smaller diagrams` });
      continue;
    }
    const hit = readCache(cacheFile(source), source);
    if (hit === 'damaged') damaged.push(cacheFile(source));
    if (hit && hit !== 'damaged') outcomes.set(source, { svgs: hit });
    else misses.push(source);
  }
  const cached = [...outcomes.values()].filter((outcome) => 'svgs' in outcome).length;
  const stats: DiagramStats = { rendered: 0, cached, startMs: 0, renderMs: 0 };
  if (misses.length === 0) return { outcomes, stats, damaged };

  let browser: Browser;
  const start = performance.now();
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return {
      outcomes,
      stats,
      damaged,
      unavailable: {
        reason: 'the playwright-core package, which drives Chromium, is not installed',
        hint: 'install it in the site (npm install playwright-core), or leave diagrams to the browser (mermaid: client)',
      },
    };
  }
  try {
    browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (cause) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    const hint = 'install Chromium (apt-get install chromium) or set mermaid.chromium / OMNIPRESS_CHROMIUM';
    return { outcomes, stats, damaged, unavailable: { reason: `could not start Chromium at ${options.chromium} (${reason})`, hint } };
  }
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: MERMAID_UMD });
    stats.startMs = performance.now() - start;
    for (let i = 0; i < misses.length; i += BATCH) {
      const batch = misses.slice(i, i + BATCH);
      const results = await page.evaluate(renderInPage, { sources: batch, id: DIAGRAM_ID });
      batch.forEach((source, j) => {
        const result = results[j]!;
        if ('error' in result) {
          outcomes.set(source, { error: result.error });
          return;
        }
        outcomes.set(source, { svgs: result });
        writeCache(cacheFile(source), source, result);
        stats.rendered++;
      });
    }
  } finally {
    await browser.close();
  }
  stats.renderMs = performance.now() - start - stats.startMs;
  return { outcomes, stats, damaged };
}

/**
 * Runs inside the browser page (serialized by playwright: no closures). Each diagram is
 * rendered on its own, so one that fails never stops the others.
 */
async function renderInPage({ sources, id }: { sources: string[]; id: string }): Promise<Array<DiagramSvgs | { error: string }>> {
  const { mermaid, document } = globalThis as unknown as { mermaid: MermaidApi; document: ScratchDocument };
  const out: Array<DiagramSvgs | { error: string }> = [];
  for (const source of sources) {
    try {
      const svgs: Record<string, string> = {};
      for (const theme of ['default', 'dark']) {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
        const { svg } = await mermaid.render(`${id}-${theme}`, source);
        svgs[theme] = svg;
      }
      out.push({ light: svgs.default!, dark: svgs.dark! });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String((cause as { str?: string })?.str ?? cause);
      out.push({ error: message });
    }
    // mermaid leaves a scratch element behind when rendering fails.
    document.querySelectorAll(`[id^="d${id}"]`).forEach((el) => el.remove());
  }
  return out;
}

/** The little of the DOM that renderInPage touches (the Node build has no DOM types). */
interface ScratchDocument {
  querySelectorAll(selector: string): { forEach(visit: (element: { remove(): void }) => void): void };
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

/** A diagram's cache entry: by Mermaid's version, the way it is drawn, its source and the fonts it needs. */
function cacheFileOf(cacheDir: string, source: string, fonts: string): string {
  return path.join(cacheDir, `${hashText(`${MERMAID_VERSION}\0${RENDER_VERSION}\0${fonts}\0${source}`)}.bin`);
}

/** The cached SVGs of `source`; 'damaged' when the entry is there but fails its checksum. */
function readCache(file: string, source: string): DiagramSvgs | 'damaged' | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const unsealed = unseal(bytes);
  if (!unsealed.ok) return unsealed.reason === 'damaged' ? 'damaged' : undefined;
  try {
    const entry = JSON.parse(unsealed.payload.toString('utf8')) as DiagramSvgs & { source: string };
    return entry.source === source && typeof entry.light === 'string' && typeof entry.dark === 'string' ? { light: entry.light, dark: entry.dark } : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, source: string, svgs: DiagramSvgs): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a build killed mid-write must not leave a truncated entry behind.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, seal(Buffer.from(JSON.stringify({ source, light: svgs.light, dark: svgs.dark }))));
  fs.renameSync(temp, file);
}
