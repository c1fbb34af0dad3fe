// callouts: renders the boxes that Chirpy prompts (`> …` + `{: .prompt-tip }`, kramdown-ial) and
// Hexo notes (`{% note warning %}…{% endnote %}`, hexo-tags) become. Both carry a callout type in
// `token.meta.callout`; this plugin gives the box its classes (`callout callout-<type>`, styled in
// the theme's style.css, light and dark) and a visible label in the post's language ("팁", "提示",
// "Tip") so the kind of box is never told by colour alone. Needs: env.strings (the post's
// language); renders `callout_open`/`callout_close` and wraps `blockquote_open`.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { type MarkdownEnv, envOf } from '../env.js';
import { escapeHtml } from '../../util/html-escape.js';

/** The callout kinds the theme styles. */
export type CalloutType = 'note' | 'tip' | 'info' | 'warning' | 'danger';

const LABEL_KEYS: Record<CalloutType, string> = {
  note: 'calloutNote',
  tip: 'calloutTip',
  info: 'calloutInfo',
  warning: 'calloutWarning',
  danger: 'calloutDanger',
};

// Hexo NexT's note types, and a few other themes' names for the same boxes.
const ALIASES: Record<string, CalloutType> = {
  default: 'note', note: 'note', primary: 'info', info: 'info', success: 'tip', tip: 'tip',
  warning: 'warning', warn: 'warning', danger: 'danger', error: 'danger', important: 'info', caution: 'warning',
};

/** A Chirpy prompt class or Hexo note type → its callout type (unknown names: a neutral note). */
export function calloutType(name: string | undefined): CalloutType {
  return knownCalloutType(name) ?? 'note';
}

/** The callout type a name stands for, or undefined when it is none of them (a Hexo note's title). */
export function knownCalloutType(name: string | undefined): CalloutType | undefined {
  return Object.hasOwn(ALIASES, (name ?? '').toLowerCase()) ? ALIASES[(name ?? '').toLowerCase()] : undefined;
}

/** Whether a class name is one of Chirpy's four prompts. */
export function promptType(className: string): CalloutType | undefined {
  const match = /^prompt-(tip|info|warning|danger)$/.exec(className);
  return match ? (match[1] as CalloutType) : undefined;
}

export function calloutsPlugin(md: MarkdownIt): void {
  md.renderer.rules.callout_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    addClasses(token);
    return `<div${self.renderAttrs(token)}>\n${label(token, envOf(env))}`;
  };
  md.renderer.rules.callout_close = () => '</div>\n';
  const blockquoteOpen = md.renderer.rules.blockquote_open;
  md.renderer.rules.blockquote_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const open = blockquoteOpen ? blockquoteOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    if (!token.meta?.callout) return open;
    addClasses(token);
    return `<blockquote${self.renderAttrs(token)}>\n${label(token, envOf(env))}`;
  };
}

function addClasses(token: Token): void {
  const type = token.meta.callout as CalloutType;
  const classes = (token.attrGet('class') ?? '').split(/\s+/).filter(Boolean);
  const wanted = ['callout', `callout-${type}`];
  token.attrSet('class', [...wanted, ...classes.filter((c) => !wanted.includes(c))].join(' '));
  if (token.type === 'callout_open' && !token.attrGet('role')) token.attrSet('role', 'note');
}

function label(token: Token, env: MarkdownEnv): string {
  const type = token.meta.callout as CalloutType;
  const text = env.strings[LABEL_KEYS[type]] ?? type;
  return `<p class="callout-label">${escapeHtml(text)}</p>\n`;
}
