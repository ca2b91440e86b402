import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '~/components/PopupView';
import { chooseTranslator } from '~/lib/choose-translator';
import { resolveLanguage } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';
import type { Level } from '~/rules/risk';

async function start(app: HTMLElement) {
  let settings = await sendToBackground({ type: 'get-settings' });
  const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  const t = await chooseTranslator(language);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const level: Level = tab?.id === undefined ? 'none' : (await sendToBackground({ type: 'get-tab-level', tabId: tab.id })).level;

  const draw = () =>
    render(
      <PopupView
        enabled={settings.enabled}
        level={level}
        t={t}
        onToggle={async (enabled) => {
          settings = await sendToBackground({ type: 'set-settings', settings: { enabled } });
          draw();
        }}
        onOpenOptions={() => {
          void browser.runtime.openOptionsPage();
          window.close();
        }}
      />,
      app,
    );
  draw();
}

const app = document.getElementById('app');
if (app) void start(app);
