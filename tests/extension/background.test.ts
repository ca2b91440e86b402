import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BADGE_COLORS } from '~/lib/background/badge';
import { handleRequest, type BackgroundState } from '~/lib/background/handle-request';
import { TabLevels } from '~/lib/background/tab-levels';
import { ALERT_RETENTION_MS, pruneAlerts, recentAlerts } from '~/lib/db/alerts';
import { HeadsUpDatabase } from '~/lib/db/database';
import { getSettings, migrateSettings, SETTINGS_VERSION } from '~/lib/db/settings';
import { isRequest, type Request } from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings-schema';

let db: HeadsUpDatabase;
let state: BackgroundState;
let dbCount = 0;
const fromTab = (id: number) => ({ tab: { id } as never });

beforeEach(async () => {
  fakeBrowser.reset();
  // A fresh database per test: fake-indexeddb keeps databases for the whole file.
  db = new HeadsUpDatabase(`heads-up-test-${++dbCount}`);
  await migrateSettings(db);
  state = {
    db,
    tabLevels: new TabLevels(),
    readPackaged: async (path) => JSON.parse(await readFile(`${process.cwd()}/public${path}`, 'utf8')),
  };
});

afterEach(() => db.delete());

const alert = (over: Partial<Extract<Request, { type: 'alert' }>> = {}): Request => ({
  type: 'alert',
  site: 'web.whatsapp.com',
  rule: 'secrecy.dont-tell-parent',
  category: 'secrecy',
  level: 'warning',
  at: 1_790_000_000_000,
  ...over,
});

describe('alerts', () => {
  it('logs time, site, rule, category and level, and nothing else', async () => {
    // Even if a caller wrongly attaches text, it must not reach the database.
    const leaky = { ...alert(), text: "don't tell your mom", quote: "don't tell your mom" } as unknown as Request;
    await handleRequest(state, leaky, fromTab(7));
    const rows = await recentAlerts(db);
    expect(rows).toEqual([
      { id: 1, at: 1_790_000_000_000, site: 'web.whatsapp.com', rule: 'secrecy.dont-tell-parent', category: 'secrecy', level: 'warning' },
    ]);
    expect(JSON.stringify(await db.alerts.toArray())).not.toContain('tell your mom');
  });

  it('lists newest first and prunes alerts past the retention time', async () => {
    const now = 2_000_000_000_000;
    await handleRequest(state, alert({ at: now - ALERT_RETENTION_MS - 1, rule: 'old' }), fromTab(1));
    await handleRequest(state, alert({ at: now - 10, rule: 'new' }), fromTab(1));
    await handleRequest(state, alert({ at: now - 20, rule: 'middle' }), fromTab(1));
    expect((await recentAlerts(db)).map((row) => row.rule)).toEqual(['new', 'middle', 'old']);
    expect(await pruneAlerts(db, now)).toBe(1);
    expect((await recentAlerts(db)).map((row) => row.rule)).toEqual(['new', 'middle']);
  });
});

describe('badge and tab level', () => {
  it('shows a calm "!" on the alerting tab and reports its level', async () => {
    await handleRequest(state, alert(), fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('!');
    expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await handleRequest(state, { type: 'get-tab-level', tabId: 3 }, {})).toEqual({ level: 'warning' });
  });

  it('keeps the highest level until the tab navigates', async () => {
    await handleRequest(state, alert({ level: 'urgent' }), fromTab(3));
    await handleRequest(state, alert({ level: 'warning' }), fromTab(3));
    expect(await handleRequest(state, { type: 'get-tab-level', tabId: 3 }, {})).toEqual({ level: 'urgent' });
    const [r, g, b] = (await browser.action.getBadgeBackgroundColor({ tabId: 3 })) as number[];
    expect(`#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(BADGE_COLORS.urgent);

    await handleRequest(state, { type: 'navigated' }, fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect(await handleRequest(state, { type: 'get-tab-level', tabId: 3 }, {})).toEqual({ level: 'none' });
  });
});

describe('settings', () => {
  it('starts with the defaults and stores its schema version', async () => {
    expect(await handleRequest(state, { type: 'get-settings' }, {})).toEqual(DEFAULT_SETTINGS);
    expect((await db.settings.get('__version'))?.value).toBe(SETTINGS_VERSION);
  });

  it('saves valid changes and ignores invalid ones', async () => {
    const saved = await handleRequest(
      state,
      { type: 'set-settings', settings: { enabled: false, language: 'es', audience: 'robot', region: 'javascript:' } as never },
      {},
    );
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, enabled: false, language: 'es' });
    expect(await getSettings(db)).toEqual(saved);
  });
});

describe('protocol', () => {
  it('answers a content script through runtime messaging', async () => {
    browser.runtime.onMessage.addListener((message: unknown) =>
      isRequest(message) ? handleRequest(state, message, {}) : undefined,
    );
    expect(await browser.runtime.sendMessage({ type: 'get-settings' })).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects messages that are not ours', () => {
    expect(isRequest({ type: 'alert' })).toBe(true);
    expect(isRequest({ type: 'drop-tables' })).toBe(false);
    expect(isRequest('get-settings')).toBe(false);
  });

  it('serves a locale catalog for a language the user chose', async () => {
    const catalog = await handleRequest(state, { type: 'get-catalog', language: 'es' }, {});
    expect((catalog as Record<string, { message: string }>).panel_close?.message).toBe('Cerrar Heads Up');
  });
});
