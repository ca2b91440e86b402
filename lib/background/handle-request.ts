/**
 * Answers requests from content scripts and the popup. Kept apart from the entrypoint so tests
 * can drive it with fakeBrowser and fake-indexeddb.
 */
import { browser, type Browser } from 'wxt/browser';
import { logAlert } from '~/lib/db/alerts';
import { loadConversation, saveConversation } from '~/lib/db/conversations';
import type { HeadsUpDatabase } from '~/lib/db/database';
import { getSettings, updateSettings } from '~/lib/db/settings';
import type { Catalog } from '~/lib/i18n';
import type { Request, Responses } from '~/lib/messages';
import { shippedMatcherWire } from '~/rules/bundled';
import { helpFor, regionFromLocale } from '~/rules/help';
import { clearBadge, showBadge } from './badge';
import type { TabLevels } from './tab-levels';

/** Longest piece of compiling the packs before the background answers other messages. */
const COMPILE_SLICE_MS = 20;

export interface BackgroundState {
  db: HeadsUpDatabase;
  tabLevels: TabLevels;
  now?: () => number;
  /** Reads a bundled file of the extension (the locale catalogs). */
  readPackaged?: (path: string) => Promise<unknown>;
  /** The region 'auto' stands for (default detectRegion). */
  detectRegion?: () => string;
}

type Sender = Pick<Browser.runtime.MessageSender, 'tab'>;

export async function handleRequest(
  state: BackgroundState,
  request: Request,
  sender: Sender,
): Promise<Responses[Request['type']]> {
  const tabId = sender.tab?.id;
  switch (request.type) {
    case 'alerts': {
      // A malformed message must not throw the log away: only arrays are read.
      for (const report of Array.isArray(request.reports) ? request.reports : []) await logAlert(state.db, report);
      return { ok: true };
    }
    case 'get-conversation':
      return { summary: await loadConversation(state.db, request.conversation) };
    case 'save-conversation': {
      const now = (state.now ?? Date.now)();
      await saveConversation(state.db, request.site, request.conversation, request.summary, now);
      return { ok: true };
    }
    case 'tab-level': {
      if (tabId !== undefined) {
        state.tabLevels.set(tabId, request.level);
        await showBadge(tabId, request.level);
      }
      return { ok: true };
    }
    case 'get-settings':
      return getSettings(state.db);
    case 'set-settings':
      return updateSettings(state.db, request.settings);
    case 'get-tab-level':
      return { level: state.tabLevels.get(request.tabId) };
    case 'get-catalog': {
      const read = state.readPackaged ?? readPackagedFile;
      return (await read(`/_locales/${request.language}/messages.json`)) as Catalog;
    }
    case 'get-matcher':
      return shippedMatcherWire({
        now: () => performance.now(),
        pause: () => new Promise((resume) => setTimeout(resume, 0)),
        budgetMs: COMPILE_SLICE_MS,
      });
    case 'get-help':
      return helpFor(request.region === 'auto' ? (state.detectRegion ?? detectRegion)() : request.region, request.language);
  }
}

export async function forgetTab(state: BackgroundState, tabId: number): Promise<void> {
  state.tabLevels.reset(tabId);
  await clearBadge(tabId);
}

let detected: string | undefined;

/**
 * The region for 'auto', from the browser's locale and, when that names none, its time zone;
 * worked out here once rather than in every chat page: the first Intl.DateTimeFormat in a page's
 * renderer was a 50-100 ms long task (docs/performance.md).
 */
export function detectRegion(): string {
  detected ??= regionFromLocale(globalThis.navigator?.language ?? '', () => Intl.DateTimeFormat().resolvedOptions().timeZone);
  return detected;
}

/** The extension's own files; runtime.getURL never leaves the device. */
async function readPackagedFile(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  return response.json();
}
