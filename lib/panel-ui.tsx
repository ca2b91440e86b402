/**
 * Mounts the panel in a shadow root (styles isolated from the page) and re-renders it as the
 * assessment changes. Created lazily on the first alert, so pages with nothing to say get no
 * extra element at all.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '~/components/PanelApp';
import type { HelpResource } from '~/rules/help';
import type { Assessment } from '~/rules/risk';
import type { Translate } from '~/lib/i18n';
import { PANEL_HOST } from '~/lib/watch/message-watcher';

export interface PanelUi {
  show(assessment: Assessment): Promise<void>;
  hide(): void;
}

export function createPanelUi(ctx: ContentScriptContext, t: Translate, help: HelpResource[]): PanelUi {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let current: Assessment | undefined;
  let open = false;

  const draw = (container: HTMLElement) => {
    if (!current) return;
    const latest = current.evidence[0];
    render(
      <PanelApp
        open={open}
        announceKey={`${latest?.rule}@${latest?.at}`}
        assessment={current}
        help={help}
        t={t}
        onClose={() => {
          open = false;
          draw(container);
        }}
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

  return {
    async show(assessment) {
      current = assessment;
      open = true;
      const created = await mountOnce();
      if (created.mounted) draw(created.mounted);
    },
    hide() {
      open = false;
      void ui?.then((created) => created.mounted && draw(created.mounted));
    },
  };
}
