/**
 * The toolbar badge: a quiet "!" on the tab where something was noticed. Calm blue for a warning,
 * a deeper amber for urgent; never red, which would read as "you did something wrong".
 */
import { browser } from 'wxt/browser';
import type { Level } from '~/rules/risk';

export const BADGE_COLORS = { warning: '#2B6CB0', urgent: '#B45309' } as const;

// Firefox MV2 has browserAction where MV3 browsers have action; both share the badge API.
const actionApi = () => browser.action ?? browser.browserAction;

export async function showBadge(tabId: number, level: Level): Promise<void> {
  if (level !== 'warning' && level !== 'urgent') return clearBadge(tabId);
  await actionApi().setBadgeText({ tabId, text: '!' });
  await actionApi().setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[level] });
}

export async function clearBadge(tabId: number): Promise<void> {
  await actionApi().setBadgeText({ tabId, text: '' });
}
