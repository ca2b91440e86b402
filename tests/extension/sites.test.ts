// @vitest-environment happy-dom
/**
 * directionWithin (the watcher's per-pass shortcut) must give exactly what directionOf gives, for
 * every element, whatever order the elements of one pass come in.
 */
import { describe, expect, it } from 'vitest';
import { directionOf, directionSelector, directionWithin, GENERIC_SITE, siteFor, type SiteAdapter } from '~/lib/sites';
import type { Direction } from '~/rules/engine';

const MARKUP = `
  <main>
    <ul id="plain"><li><p>hi</p></li><li><span><b>there</b></span></li></ul>
    <ul data-heads-up-direction="outgoing"><li><p>mine</p></li><li data-heads-up-direction="incoming"><p>theirs</p></li></ul>
    <div class="message-out"><div><span>sent</span></div><div data-heads-up-direction="odd"><i>odd mark</i></div></div>
    <div class="message-in"><div class="message-out"><p>nested</p></div><p>received</p></div>
    <section data-heads-up-direction="incoming"><div class="message-out"><p>attribute wins</p></div></section>
  </main>`;

function check(site: SiteAdapter, reversed: boolean) {
  document.body.innerHTML = MARKUP;
  const elements = [...document.querySelectorAll('main *')];
  if (reversed) elements.reverse();
  const selector = directionSelector(site);
  const byParent = new Map<Element, Direction>();
  const within = elements.map((e) => directionWithin(e, site, selector, byParent));
  expect(within).toEqual(elements.map((e) => directionOf(e, site)));
  return within;
}

describe('directionWithin', () => {
  it('agrees with directionOf on the generic site, in either order', () => {
    const found = check(GENERIC_SITE, false);
    expect(new Set(found)).toEqual(new Set(['unknown', 'outgoing', 'incoming']));
    check(GENERIC_SITE, true);
  });

  it('agrees with directionOf with an adapter’s selectors, nested and overridden', () => {
    const whatsapp = siteFor('web.whatsapp.com');
    expect(whatsapp.outgoing).toBeDefined();
    check(whatsapp, false);
    check(whatsapp, true);
  });
});
