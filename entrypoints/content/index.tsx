/**
 * The content script: wires the page watcher, the rule engine, the conversation session and the
 * panel. It never opens IndexedDB and never makes a network request; what goes to the background
 * (alerts, summaries, the level) carries no text.
 */
import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { decodeMatcherInSlices } from '~/rules/engine';
import { pageTranslator } from '~/lib/choose-translator';
import { ConversationMonitor } from '~/lib/conversation-monitor';
import { trackCurrentConversation } from '~/lib/current-conversation';
import { ConversationSession } from '~/lib/conversation-session';
import { resolveLanguage } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';
import { createPanelUi } from '~/lib/panel-ui';
import { DEFAULT_SETTINGS } from '~/lib/settings-schema';
import { siteFor } from '~/lib/sites';
import { DELIVER_EVERY_MS, watchMessages } from '~/lib/watch/message-watcher';
import { frameOrDelay, windowTimers } from '~/lib/watch/schedule';
import { warmUp } from '~/lib/warm-up';

/** Longest piece of work decoding the rules at start-up before the page gets the thread back. */
const DECODE_SLICE_MS = 8;

/**
 * Waits for a task of its own. A plain timer: ctx.setTimeout would add a listener to the context
 * per pause (see schedule.ts).
 */
const nextTask = () => new Promise<void>((resume) => setTimeout(resume, 0));

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
    // The benchmark measures start-up from here to the first message scanned (docs/performance.md).
    performance.mark('heads-up:content-start');
    // If the background cannot answer (extension updating), watch with the defaults: safer than not at all.
    const settings = await sendToBackground({ type: 'get-settings' }).catch(() => DEFAULT_SETTINGS);
    if (!settings.enabled || ctx.isInvalid) return;

    // Asked once: in a content script each call is a synchronous trip into the extension bindings.
    const browserLanguage = browser.i18n.getUILanguage();
    const language = resolveLanguage(settings.language, browserLanguage);
    // Rules and help lines come from the background: as data they cost this script (which loads
    // on every chat page) nothing until the page is watched, and the background owns them. The
    // rules come compiled: compiling them here cost every chat page 300-450 ms of its main thread
    // and long tasks from the garbage it made (docs/performance.md).
    const [wire, help] = await Promise.all([
      sendToBackground({ type: 'get-matcher' }),
      // 'auto' is resolved by the background: Intl's time zone would cost this page a long task.
      sendToBackground({ type: 'get-help', region: settings.region, language }),
    ]);
    if (ctx.isInvalid) return;
    // Decoded in slices of a few ms: on a slow family laptop one piece would be a long task.
    const matcher = await decodeMatcherInSlices(wire, {
      now: () => performance.now(),
      pause: nextTask,
      budgetMs: DECODE_SLICE_MS,
    });
    // The last slice may have used its whole budget: each next step in a task of its own.
    await nextTask();
    if (ctx.isInvalid) return;
    // First calls compile the matching code; better here than in a busy chat's first batch.
    await warmUp(matcher, nextTask);
    await nextTask();
    if (ctx.isInvalid) return;
    const conversation = trackCurrentConversation(location, document);
    const current = () => conversation.get();

    // The panel's buttons call the session, which is created just below (they can't be pressed before).
    const panel = createPanelUi(ctx, {
      translator: () => pageTranslator(language),
      help,
      audience: settings.audience,
      onNotConcern: (conversation) => void session.notConcern(conversation),
      onSnooze: (conversation, choice) => void session.snooze(conversation, choice),
    });
    const session = new ConversationSession({
      monitor: new ConversationMonitor(matcher, location.host),
      panel,
      site: location.host,
      send: sendToBackground,
    });
    void session.open(current());

    const timers = windowTimers();
    const watcher = watchMessages({
      root: document,
      site: siteFor(location.host),
      includeExisting: true,
      // The window's timers, not ctx's (see schedule.ts); the watcher is stopped on invalidation below.
      schedule: frameOrDelay(timers),
      // On a busy chat, matched a few times a second in larger batches (see DELIVER_EVERY_MS).
      deliverEveryMs: DELIVER_EVERY_MS,
      later: timers.setTimeout,
      // The conversation is read when the batch is handed on; a switch hands on what waits first.
      onMessages: (messages) => session.read(current(), messages),
    });

    // Single-page chats change conversation without a page load. WXT fires this before the page
    // has drawn the new conversation, so look a frame later.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.requestAnimationFrame(() => {
        // Messages read before the switch belong to the conversation they were drawn in.
        watcher.flush();
        conversation.invalidate();
        void session.open(current());
      });
    });
    // Reports wait up to a second to go together; a page being hidden or left sends them now.
    const flush = () => {
      watcher.flush();
      session.flush();
    };
    ctx.addEventListener(window, 'pagehide', flush);
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    ctx.onInvalidated(() => {
      session.flush();
      watcher.stop();
      conversation.stop();
    });
  },
});
