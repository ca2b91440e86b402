import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView } from '~/components/OptionsView';
import { chooseTranslator } from '~/lib/choose-translator';
import { resolveLanguage } from '~/lib/i18n';
import { sendToBackground } from '~/lib/messages';
import { HELP_DIRECTORY, UNKNOWN_REGION } from '~/rules/help';

async function start(app: HTMLElement) {
  const settings = await sendToBackground({ type: 'get-settings' });
  const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  const t = await chooseTranslator(language);
  document.title = t('options_title');
  const regions = Object.entries(HELP_DIRECTORY.regions)
    .filter(([code]) => code !== HELP_DIRECTORY.fallback)
    .map(([code, region]) => ({ code, name: region.name[language] }))
    .sort((a, b) => a.name.localeCompare(b.name, language));

  render(
    <OptionsView
      settings={settings}
      regions={regions}
      otherRegion={UNKNOWN_REGION}
      t={t}
      onSave={async (next) => {
        const saved = await sendToBackground({ type: 'set-settings', settings: next });
        // A new language applies to this page at once: draw it again in that language.
        if (resolveLanguage(saved.language, browser.i18n.getUILanguage()) !== language) location.reload();
        return saved;
      }}
    />,
    app,
  );
}

const app = document.getElementById('app');
if (app) void start(app);
