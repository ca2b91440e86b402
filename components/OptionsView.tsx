/**
 * The options page: who reads the panel, which language, which region's help lines, and on/off.
 * A plain form: every control has a visible label, and saving says so in a status message that
 * screen readers announce.
 */
import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '~/lib/i18n';
import { AUDIENCES, type Settings } from '~/lib/settings-schema';

export interface RegionChoice {
  code: string;
  name: string;
}

export interface OptionsViewProps {
  settings: Settings;
  /** Regions with their own help lines, already named in the reader's language. */
  regions: readonly RegionChoice[];
  /** The region code that means "international help lines only". */
  otherRegion: string;
  t: Translate;
  onSave: (settings: Settings) => Promise<Settings>;
}

type Status = 'idle' | 'saved' | 'failed';

export function OptionsView({ settings, regions, otherRegion, t, onSave }: OptionsViewProps) {
  const [draft, setDraft] = useState(settings);
  const [status, setStatus] = useState<Status>('idle');
  const change = (patch: Partial<Settings>) => {
    setDraft({ ...draft, ...patch });
    setStatus('idle');
  };

  return (
    <main class="hu-options">
      <h1>{t('options_title')}</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            setDraft(await onSave(draft));
            setStatus('saved');
          } catch {
            setStatus('failed');
          }
        }}
      >
        <label class="hu-check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
          {t('popup_toggle')}
        </label>

        <fieldset>
          <legend>{t('options_audience_legend')}</legend>
          {AUDIENCES.map((audience) => (
            <label key={audience} class="hu-check">
              <input
                type="radio"
                name="audience"
                value={audience}
                checked={draft.audience === audience}
                onChange={() => change({ audience })}
              />
              {t(`options_audience_${audience}` as MessageKey)}
            </label>
          ))}
        </fieldset>

        <label class="hu-field">
          <span>{t('options_language_label')}</span>
          <select value={draft.language} onChange={(e) => change({ language: e.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t('options_language_auto')}</option>
            {/* Each language in its own name, so a reader who can't read the current one still finds theirs. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="es" lang="es">
              Español
            </option>
          </select>
        </label>

        <label class="hu-field">
          <span>{t('options_region_label')}</span>
          <select value={draft.region} onChange={(e) => change({ region: e.currentTarget.value })}>
            <option value="auto">{t('options_region_auto')}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
            <option value={otherRegion}>{t('options_region_other')}</option>
          </select>
        </label>

        <div class="hu-save">
          <button type="submit">{t('options_save')}</button>
          <p role="status" class={`hu-status hu-status-${status}`}>
            {status === 'saved' ? t('options_saved') : status === 'failed' ? t('options_save_failed') : ''}
          </p>
        </div>
      </form>
      <p class="hu-note">{t('popup_reload_hint')}</p>
      <p class="hu-note">{t('popup_privacy')}</p>
    </main>
  );
}
