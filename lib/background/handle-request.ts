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
import type { WireMatcher } from '~/rules/engine';
import { helpFor, regionFromLocale } from '~/rules/help';
import { SHIPPED_MATCHER_PATH } from '~/rules/shipped-matcher';
import { clearBadge, showBadge } from './badge';
import type { TabLevels } from './tab-levels';

export interface BackgroundState {
  db: HeadsUpDatabase;
  tabLevels: TabLevels;
  now?: () => number;
  /** Reads a bundled file of the extension (the locale catalogs, the compiled packs). */
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
      return shippedMatcher(state);
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

/** Per background (a state is one worker's lifetime): the compiled packs, once read. */
const matcherFiles = new WeakMap<BackgroundState, Promise<WireMatcher>>();

/**
 * The compiled packs from the package, read once per background lifetime (a worker that wakes up
 * reads a file instead of compiling: docs/performance.md, "Start-up"); a failed read is tried again.
 */
function shippedMatcher(state: BackgroundState): Promise<WireMatcher> {
  let file = matcherFiles.get(state);
  if (!file) {
    file = ((state.readPackaged ?? readPackagedFile)(SHIPPED_MATCHER_PATH) as Promise<WireMatcher>).catch((error: unknown) => {
      matcherFiles.delete(state);
      throw error;
    });
    matcherFiles.set(state, file);
  }
  return file;
}

/** The extension's own files; runtime.getURL never leaves the device. */
async function readPackagedFile(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/**
 * Requests answered from the package alone: they need not wait for the database's start-up
 * (settings migration and pruning), which a waking worker runs first. A chat page waits on them
 * before it can scan, and its panel before its first draw.
 */
const FROM_PACKAGE: ReadonlySet<Request['type']> = new Set(['get-matcher', 'get-catalog', 'get-help']);

export function needsDatabase(request: Request): boolean {
  return !FROM_PACKAGE.has(request.type);
}
