/**
 * Site adapters as data. Each entry says, for one chat site, where the reader types (so we never
 * scan a half-written draft) and which elements are the reader's own messages. Sites without an
 * entry use the generic fallback. Selectors describe the sites' markup as of 2026 and are
 * best-effort: when one stops matching, direction simply becomes 'unknown' and every rule applies.
 */
import type { Direction } from '~/rules/engine';

export interface SiteAdapter {
  /** Host suffix this adapter serves ('' for the generic fallback). */
  host: string;
  /** Elements where the reader writes; their text is never read. */
  composer: string;
  /** An ancestor that marks a message as written by the reader. */
  outgoing?: string;
  /** An ancestor that marks a message as written by someone else. */
  incoming?: string;
}

/** Editable places on any site: drafts are not messages. */
const GENERIC_COMPOSER = 'textarea, input, [contenteditable=""], [contenteditable="true"], [role="textbox"]';

export const GENERIC_SITE: SiteAdapter = { host: '', composer: GENERIC_COMPOSER };

export const SITES: readonly SiteAdapter[] = [
  { host: 'web.whatsapp.com', composer: GENERIC_COMPOSER, outgoing: '.message-out', incoming: '.message-in' },
  { host: 'web.telegram.org', composer: GENERIC_COMPOSER, outgoing: '.bubble.is-out', incoming: '.bubble.is-in' },
];

/** The adapter for a host: exact host or a subdomain of it, else the generic fallback. */
export function siteFor(host: string): SiteAdapter {
  return SITES.find((site) => host === site.host || host.endsWith(`.${site.host}`)) ?? GENERIC_SITE;
}

/** Our demo and test pages mark messages with this attribute (on the message or an ancestor). */
export const DIRECTION_ATTRIBUTE = 'data-heads-up-direction';

/** Who wrote the message in `element`: explicit attribute first, then the site adapter. */
export function directionOf(element: Element, site: SiteAdapter): Direction {
  const marked = element.closest(`[${DIRECTION_ATTRIBUTE}]`)?.getAttribute(DIRECTION_ATTRIBUTE);
  if (marked === 'outgoing' || marked === 'incoming') return marked;
  if (site.outgoing && element.closest(site.outgoing)) return 'outgoing';
  if (site.incoming && element.closest(site.incoming)) return 'incoming';
  return 'unknown';
}

/** Elements that decide a direction themselves: the attribute, or the adapter's selectors. */
export function directionSelector(site: SiteAdapter): string {
  return [`[${DIRECTION_ATTRIBUTE}]`, site.outgoing, site.incoming].filter(Boolean).join(', ');
}

/**
 * directionOf for the messages of one pass. A message that matches none of directionSelector's
 * selectors has its parent's direction (each of directionOf's closest() look-ups would find the
 * same ancestor), so that is worked out once per parent and kept in `byParent`: messages added to
 * one list cost a matches() each instead of closest() walks to the root.
 */
export function directionWithin(element: Element, site: SiteAdapter, selector: string, byParent: Map<Element, Direction>): Direction {
  if (site.outgoing === undefined && site.incoming === undefined) {
    // Only the attribute decides (the generic adapter): one read says whether this element
    // decides and what, where matches() and then directionOf's closest() and read took three.
    const marked = element.getAttribute(DIRECTION_ATTRIBUTE);
    if (marked !== null) return marked === 'outgoing' || marked === 'incoming' ? marked : 'unknown';
  } else if (element.matches(selector)) return directionOf(element, site);
  const parent = element.parentElement;
  if (!parent) return 'unknown';
  let direction = byParent.get(parent);
  if (direction === undefined) byParent.set(parent, (direction = directionOf(parent, site)));
  return direction;
}
