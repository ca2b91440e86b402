/**
 * Mounts the panel in a shadow root (styles isolated from the page) and re-renders it as the
 * assessment changes. Created lazily on the first alert, so pages with nothing to say get no
 * extra element at all.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '~/components/PanelApp';
import type { SnoozeChoice } from '~/components/PanelActions';
import type { HelpResource } from '~/rules/help';
import type { Assessment } from '~/rules/risk';
import type { MessageKey, Translate } from '~/lib/i18n';
import type { Audience } from '~/lib/settings-schema';
import { PANEL_HOST } from '~/lib/watch/message-watcher';

export interface PanelUi {
  /** Opens (or refreshes) the panel for a conversation's assessment. */
  show(conversation: string, assessment: Assessment): Promise<void>;
  /** Closes the panel; the `status` text is announced to screen readers (e.g. "snoozed"). */
  hide(status?: MessageKey): void;
}

export interface PanelUiOptions {
  /**
   * Loads the panel's strings, on the first show: a page that never shows the panel never asks
   * (see pageTranslator in lib/choose-translator.ts).
   */
  translator: () => Promise<Translate>;
  help: HelpResource[];
  audience: Audience;
  onNotConcern: (conversation: string) => void;
  onSnooze: (conversation: string, choice: SnoozeChoice) => void;
}

/**
 * The panel re-renders on every alert and looks up each of its strings again; with the browser's
 * i18n each lookup is a call into the extension bindings. Remember them (a bounded number: texts
 * with substitutions vary).
 */
export function rememberTranslations(t: Translate, max = 500): Translate {
  const known = new Map<string, string>();
  return (key, substitutions) => {
    const id = substitutions && substitutions.length > 0 ? `${key}\u0000${substitutions.join('\u0000')}` : key;
    let text = known.get(id);
    if (text === undefined) {
      text = t(key, substitutions);
      if (known.size < max) known.set(id, text);
    }
    return text;
  };
}

/**
 * After a draw, further updates within this time are drawn together at its end: on a busy chat
 * with many red flags the panel would otherwise re-render for every one (drawing was about 5 % of
 * the content script's sampled time on the benchmark's page at 4 draws a second, and a screen
 * reader would hear every one). The first update after a quiet spell is drawn at once, so a panel
 * opens without delay; an open one gains new evidence within a second.
 */
export const REDRAW_INTERVAL_MS = 1000;

export function createPanelUi(ctx: ContentScriptContext, options: PanelUiOptions): PanelUi {
  let translate: Promise<Translate> | undefined;
  /** The panel's strings once loaded; nothing is drawn before (see show). */
  let t: Translate = (key) => key;
  const loadStrings = () => (translate ??= options.translator().then((loaded) => (t = rememberTranslations(loaded))));
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let current: { conversation: string; assessment: Assessment } | undefined;
  let open = false;
  let status = '';
  /** Counts shows and hides, so a hide that waited for the strings knows whether it was overtaken. */
  let changes = 0;

  const draw = (container: HTMLElement) => {
    if (!current) return;
    const { conversation, assessment } = current;
    const latest = assessment.evidence[0];
    render(
      <PanelApp
        open={open}
        conversation={conversation}
        announceKey={`${conversation}|${latest?.rule}@${latest?.at}`}
        status={status}
        assessment={assessment}
        help={options.help}
        t={t}
        audience={options.audience}
        onClose={() => {
          open = false;
          status = '';
          draw(container);
        }}
        onNotConcern={() => options.onNotConcern(conversation)}
        onSnooze={(choice) => options.onSnooze(conversation, choice)}
      />,
      container,
    );
  };

  const mountOnce = () =>
    (ui ??= createShadowRootUi(ctx, {
      name: PANEL_HOST,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      // Keys typed in the panel (Escape) must not reach the page's own shortcuts.
      isolateEvents: true,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((created) => {
      created.mount();
      return created;
    }));

  let lastDraw = -Infinity;
  let pending: Promise<void> | undefined;
  /** Draws now, or once at the end of the redraw interval if it drew very recently. */
  const drawSoon = (container: HTMLElement): Promise<void> => {
    const wait = lastDraw + REDRAW_INTERVAL_MS - performance.now();
    if (wait <= 0 && !pending) {
      lastDraw = performance.now();
      draw(container);
      return Promise.resolve();
    }
    // The window's timer, not ctx's: each of those adds a listener that is never removed.
    pending ??= new Promise((resolve) =>
      window.setTimeout(() => {
        pending = undefined;
        lastDraw = performance.now();
        if (!ctx.isInvalid) draw(container);
        resolve();
      }, Math.max(0, wait)),
    );
    return pending;
  };

  return {
    async show(conversation, assessment) {
      changes++;
      current = { conversation, assessment };
      open = true;
      status = '';
      const [created] = await Promise.all([mountOnce(), loadStrings()]);
      if (created.mounted) await drawSoon(created.mounted);
    },
    hide(statusKey) {
      const change = ++changes;
      open = false;
      status = '';
      // Nothing to hide before a first show, which mounts the panel and loads its strings.
      void ui?.then(async (created) => {
        await translate;
        // A show or hide that came while the strings loaded has the last word.
        if (change !== changes) return;
        if (statusKey) status = t(statusKey);
        if (created.mounted) draw(created.mounted);
      });
    },
  };
}
