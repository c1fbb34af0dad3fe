// Two front-matter keys that place a post among others: pinned to the top of its language's home
// page, and a part of a series. Each reader returns the value, or a problem to report at the key.
import { readText } from './fields.js';

/** The keys that pin a post, as Chirpy (`pin`), Hexo (`top`, `sticky`) and omnipress (`featured`) write them. */
export const PIN_KEYS = ['pin', 'featured', 'top', 'sticky'] as const;

/**
 * A post's pin weight from its first pin key: `true` is 1, `false` (or no key) 0, and a number
 * (Hexo's `top: 10`) itself, so that a higher `top` comes first as in Hexo.
 */
export function readPin(value: unknown): { pinned: number } | { problem: string } {
  if (value === undefined || value === null || value === false) return { pinned: 0 };
  if (value === true) return { pinned: 1 };
  if (typeof value === 'number' && Number.isFinite(value)) return { pinned: Math.max(0, value) };
  return { problem: 'must be true, false or a number (a higher number comes first)' };
}

/** `series: name`, or Hugo's `series: [name]` (its first name: a post is a part of one series). */
export function readSeries(value: unknown): { series?: string } | { problem: string } {
  if (value === undefined || value === null) return {};
  const first = Array.isArray(value) ? value[0] : value;
  const name = readText(first);
  if (name === undefined) return { problem: 'series must be a name, e.g. series: GPT-4o 해설' };
  return name ? { series: name } : {};
}
