/**
 * The content script: wires the page watcher, the rule engine and the panel. It never opens
 * IndexedDB and never makes a network request; alerts go to the background without text.
 */
import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledMatcher } from '~/rules/bundled';
import { helpFor, regionFromLocale } from '~/rules/help';
import { chooseTranslator } from '~/lib/choose-translator';
import { ConversationMonitor, conversationId } from '~/lib/conversation-monitor';
import { resolveLanguage } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';
import { createPanelUi } from '~/lib/panel-ui';
import { DEFAULT_SETTINGS } from '~/lib/settings-schema';
import { siteFor } from '~/lib/sites';
import { watchMessages } from '~/lib/watch/message-watcher';

export default defineContentScript({
  matches: [
    'http://127.0.0.1/*',
    'http://localhost/*',
    '*://*.discord.com/*',
    '*://*.instagram.com/*',
    '*://*.messenger.com/*',
    '*://*.facebook.com/*',
    '*://web.whatsapp.com/*',
    '*://*.snapchat.com/*',
    '*://*.tiktok.com/*',
    '*://*.x.com/*',
    '*://*.twitter.com/*',
    '*://*.reddit.com/*',
    '*://web.telegram.org/*',
    '*://*.twitch.tv/*',
    '*://*.roblox.com/*',
  ],
  cssInjectionMode: 'ui',

  async main(ctx) {
    // If the background cannot answer (extension updating), watch with the defaults: safer than not at all.
    const settings = await sendToBackground({ type: 'get-settings' }).catch(() => DEFAULT_SETTINGS);
    if (!settings.enabled || ctx.isInvalid) return;

    const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
    const region =
      settings.region === 'auto'
        ? regionFromLocale(navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone)
        : settings.region;
    const t = await chooseTranslator(language);
    const panel = createPanelUi(ctx, t, helpFor(region, language));
    const monitor = new ConversationMonitor(bundledMatcher(), location.host);

    const watcher = watchMessages({
      root: document,
      site: siteFor(location.host),
      includeExisting: true,
      schedule: (run) => ctx.requestAnimationFrame(run),
      onMessages(messages) {
        const result = monitor.scan(conversationId(location), messages);
        if (!result) return;
        void panel.show(result.assessment);
        for (const report of result.reports) {
          sendToBackground({ type: 'alert', ...report }).catch(() => {
            // The background may be restarting; the panel has already told the reader.
          });
        }
      },
    });

    // Single-page chats change conversation without a page load: close the old conversation's panel.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      panel.hide();
      sendToBackground({ type: 'navigated' }).catch(() => {});
    });
    ctx.onInvalidated(() => watcher.stop());
  },
});
