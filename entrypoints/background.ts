import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetTab, handleRequest, needsDatabase, type BackgroundState } from '~/lib/background/handle-request';
import { TabLevels } from '~/lib/background/tab-levels';
import { pruneAlerts } from '~/lib/db/alerts';
import { pruneConversations } from '~/lib/db/conversations';
import { HeadsUpDatabase } from '~/lib/db/database';
import { migrateSettings } from '~/lib/db/settings';
import { isRequest } from '~/lib/messages';

export default defineBackground(() => {
  const db = new HeadsUpDatabase();
  const state: BackgroundState = { db, tabLevels: new TabLevels() };
  const ready = migrateSettings(db).then(() => Promise.all([pruneAlerts(db, Date.now()), pruneConversations(db, Date.now())]));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRequest(message)) return undefined;
    // Returning the promise is how the polyfill sends an asynchronous answer.
    return needsDatabase(message) ? ready.then(() => handleRequest(state, message, sender)) : handleRequest(state, message, sender);
  });

  // A full page load clears the badge; the page's content script reports its conversation's level.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(state, tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => state.tabLevels.reset(tabId));
});
