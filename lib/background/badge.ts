/**
 * The toolbar badge shows the level of the conversation open in the tab: a small calm dot for a
 * notice (nothing to do yet), an amber "!" for a warning and a red "!!" for urgent, where help
 * should come first. Text as well as colour, so it reads without colour vision.
 */
import { browser } from 'wxt/browser';
import type { Level } from '~/rules/risk';

export const BADGE: Record<Exclude<Level, 'none'>, { text: string; color: string }> = {
  notice: { text: '•', color: '#4A6785' },
  warning: { text: '!', color: '#B45309' },
  urgent: { text: '!!', color: '#B42318' },
};

// Firefox MV2 has browserAction where MV3 browsers have action; both share the badge API.
const actionApi = () => browser.action ?? browser.browserAction;

export async function showBadge(tabId: number, level: Level): Promise<void> {
  if (level === 'none') return clearBadge(tabId);
  await actionApi().setBadgeText({ tabId, text: BADGE[level].text });
  await actionApi().setBadgeBackgroundColor({ tabId, color: BADGE[level].color });
}

export async function clearBadge(tabId: number): Promise<void> {
  await actionApi().setBadgeText({ tabId, text: '' });
}
