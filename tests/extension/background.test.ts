import 'fake-indexeddb/auto';
import { compileFromDisk } from '~/rules/node/load-packs';
import { shippedMatcherText } from '~/rules/node/shipped-matcher';
import { SHIPPED_MATCHER_PATH } from '~/rules/shipped-matcher';
import { decodeMatcher, scanMessage, type WireMatcher } from '~/rules/engine';
import { helpFor, regionFromLocale, type HelpResource } from '~/rules/help';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BADGE } from '~/lib/background/badge';
import { detectRegion, forgetTab, handleRequest, needsDatabase, type BackgroundState } from '~/lib/background/handle-request';
import { TabLevels } from '~/lib/background/tab-levels';
import { CONVERSATION_RETENTION_MS, pruneConversations, saveConversation } from '~/lib/db/conversations';
import { ALERT_RETENTION_MS, pruneAlerts, recentAlerts } from '~/lib/db/alerts';
import { HeadsUpDatabase } from '~/lib/db/database';
import { getSettings, migrateSettings, SETTINGS_VERSION } from '~/lib/db/settings';
import { isRequest, type AlertReport, type Request } from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings-schema';
import type { RiskSummary } from '~/rules/risk';

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
    readPackaged,
  };
});

/** The package as the build makes it: the public folder, and the compiled packs it writes. */
const matcherFile = shippedMatcherText();
async function readPackaged(path: string): Promise<unknown> {
  if (path === SHIPPED_MATCHER_PATH) return JSON.parse(matcherFile);
  return JSON.parse(await readFile(`${process.cwd()}/public${path}`, 'utf8'));
}

afterEach(() => db.delete());

const report = (over: Partial<AlertReport> = {}): AlertReport => ({
  site: 'web.whatsapp.com',
  rule: 'secrecy.dont-tell-parent',
  category: 'secrecy',
  level: 'warning',
  at: 1_790_000_000_000,
  ...over,
});
const alert = (over: Partial<AlertReport> = {}): Request => ({ type: 'alerts', reports: [report(over)] });

describe('alerts', () => {
  it('logs time, site, rule, category and level, and nothing else', async () => {
    // Even if a caller wrongly attaches text, it must not reach the database.
    const leaky = { type: 'alerts', reports: [{ ...report(), text: "don't tell your mom", quote: "don't tell your mom" }] } as unknown as Request;
    await handleRequest(state, leaky, fromTab(7));
    const rows = await recentAlerts(db);
    expect(rows).toEqual([
      { id: 1, at: 1_790_000_000_000, site: 'web.whatsapp.com', rule: 'secrecy.dont-tell-parent', category: 'secrecy', level: 'warning' },
    ]);
    expect(JSON.stringify(await db.alerts.toArray())).not.toContain('tell your mom');
  });

  it('logs every report of one message', async () => {
    await handleRequest(state, { type: 'alerts', reports: [report({ rule: 'a' }), report({ rule: 'b', at: 1_790_000_000_001 })] }, fromTab(1));
    expect((await recentAlerts(db)).map((row) => row.rule)).toEqual(['b', 'a']);
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
  const hex = async (tabId: number) => {
    const [r, g, b] = (await browser.action.getBadgeBackgroundColor({ tabId })) as number[];
    return `#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  };

  it('shows the level of the conversation the tab shows: a dot, "!" or "!!"', async () => {
    await handleRequest(state, { type: 'tab-level', level: 'notice' }, fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('•');
    await handleRequest(state, { type: 'tab-level', level: 'warning' }, fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('!');
    expect(await hex(3)).toBe(BADGE.warning.color);
    await handleRequest(state, { type: 'tab-level', level: 'urgent' }, fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('!!');
    expect(await hex(3)).toBe(BADGE.urgent.color);
    expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await handleRequest(state, { type: 'get-tab-level', tabId: 3 }, {})).toEqual({ level: 'urgent' });
  });

  it('goes down when the tab switches to a quieter conversation', async () => {
    await handleRequest(state, { type: 'tab-level', level: 'urgent' }, fromTab(3));
    await handleRequest(state, { type: 'tab-level', level: 'none' }, fromTab(3));
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect(await handleRequest(state, { type: 'get-tab-level', tabId: 3 }, {})).toEqual({ level: 'none' });
  });

  it('is cleared when the tab loads a new page', async () => {
    await handleRequest(state, { type: 'tab-level', level: 'warning' }, fromTab(5));
    await forgetTab(state, 5);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('');
  });
});

describe('conversations', () => {
  const summary: RiskSummary = {
    version: 1,
    messages: 12,
    level: 'warning',
    notConcern: true,
    snoozedUntil: 1_790_000_360_000,
    evidence: [{ rule: 'secrecy.dont-tell-parent', category: 'secrecy', severity: 'high', direction: 'incoming', at: 1_790_000_000_000, message: 11 }],
  };

  it('stores a text-free summary per conversation and returns it', async () => {
    const conversation = 'discord.com/channels/1/2';
    expect(await handleRequest(state, { type: 'get-conversation', conversation }, {})).toEqual({ summary: null });
    // Even if a caller attaches quotes or text, they must not reach the database.
    const leaky = {
      ...summary,
      text: 'secret words',
      evidence: summary.evidence.map((e) => ({ ...e, quote: "don't tell your mom" })),
    } as unknown as RiskSummary;
    await handleRequest(state, { type: 'save-conversation', site: 'discord.com', conversation, summary: leaky }, fromTab(1));
    expect(await handleRequest(state, { type: 'get-conversation', conversation }, {})).toEqual({ summary });
    expect(await handleRequest(state, { type: 'get-conversation', conversation: 'discord.com/channels/1/3' }, {})).toEqual({ summary: null });
    const stored = JSON.stringify(await db.conversations.toArray());
    expect(stored).not.toContain('tell your mom');
    expect(stored).not.toContain('secret words');
  });

  it('forgets conversations untouched for the retention time', async () => {
    const now = 2_000_000_000_000;
    await saveConversation(db, 'a.example', 'a.example/old', summary, now - CONVERSATION_RETENTION_MS - 1);
    await saveConversation(db, 'a.example', 'a.example/new', summary, now - 1);
    expect(await pruneConversations(db, now)).toBe(1);
    expect((await db.conversations.toArray()).map((row) => row.id)).toEqual(['a.example/new']);
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
    expect(isRequest({ type: 'alerts', reports: [] })).toBe(true);
    expect(isRequest({ type: 'save-conversation' })).toBe(true);
    expect(isRequest({ type: 'drop-tables' })).toBe(false);
    expect(isRequest('get-settings')).toBe(false);
  });

  it('serves the packs as the build compiled them, which survive a JSON message round trip, as a content script decodes them', async () => {
    browser.runtime.onMessage.addListener((message: unknown) =>
      isRequest(message) ? handleRequest(state, message, {}) : undefined,
    );
    const wire = (await browser.runtime.sendMessage({ type: 'get-matcher' })) as WireMatcher;
    // Chromium passes extension messages as JSON.
    const matcher = decodeMatcher(JSON.parse(JSON.stringify(wire)) as WireMatcher);
    expect(matcher).toEqual(compileFromDisk().matcher);
    expect(scanMessage(matcher, "don't tell your mom we talk", 'incoming').map((h) => h.category)).toContain('secrecy');
  });

  it('reads the compiled packs from the package once per background, and again after a failed read', async () => {
    const reads: string[] = [];
    let fail = true;
    const counting: BackgroundState = {
      ...state,
      readPackaged: async (path) => {
        reads.push(path);
        if (path === SHIPPED_MATCHER_PATH && fail) throw new Error('package not readable');
        return readPackaged(path);
      },
    };
    await expect(handleRequest(counting, { type: 'get-matcher' }, {})).rejects.toThrow('package not readable');
    fail = false;
    const first = await handleRequest(counting, { type: 'get-matcher' }, {});
    expect(await handleRequest(counting, { type: 'get-matcher' }, {})).toBe(first);
    expect(reads).toEqual([SHIPPED_MATCHER_PATH, SHIPPED_MATCHER_PATH]);
  });

  it('answers what comes from the package without waiting for the database, and nothing else', () => {
    expect([{ type: 'get-matcher' }, { type: 'get-catalog', language: 'es' }, { type: 'get-help', region: 'US', language: 'en' }].map((r) => needsDatabase(r as Request))).toEqual([false, false, false]);
    expect([{ type: 'get-settings' }, { type: 'get-conversation', conversation: 'x' }, { type: 'alerts', reports: [] }, { type: 'tab-level', level: 'none' }].map((r) => needsDatabase(r as Request))).toEqual([true, true, true, true]);
  });

  it('serves help lines for a region and language', async () => {
    const help = await handleRequest(state, { type: 'get-help', region: 'MX', language: 'es' }, {});
    expect((help as HelpResource[]).map((h) => h.id)).toEqual(helpFor('MX', 'es').map((h) => h.id));
  });

  it("resolves the region 'auto' in the background, from the browser's locale", async () => {
    const help = await handleRequest({ ...state, detectRegion: () => 'GB' }, { type: 'get-help', region: 'auto', language: 'en' }, {});
    expect((help as HelpResource[]).map((h) => h.id)).toEqual(helpFor('GB', 'en').map((h) => h.id));
    expect(detectRegion()).toBe(regionFromLocale(globalThis.navigator?.language ?? '', () => Intl.DateTimeFormat().resolvedOptions().timeZone));
  });

  it('serves a locale catalog for a language the user chose', async () => {
    const catalog = await handleRequest(state, { type: 'get-catalog', language: 'es' }, {});
    expect((catalog as Record<string, { message: string }>).panel_close?.message).toBe('Cerrar Heads Up');
  });
});
