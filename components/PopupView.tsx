/**
 * The toolbar popup: is Heads Up on, and did it notice anything on this tab. Deliberately small;
 * the full settings are on the options page it links to.
 */
import type { Level } from '~/rules/risk';
import type { MessageKey, Translate } from '~/lib/i18n';

const LEVEL_KEYS: Record<Level, MessageKey> = {
  none: 'level_none',
  notice: 'level_notice',
  warning: 'level_warning',
  urgent: 'level_urgent',
};

export interface PopupViewProps {
  enabled: boolean;
  level: Level;
  t: Translate;
  onToggle: (enabled: boolean) => void;
  /** Opens the options page (audience, language, region). */
  onOpenOptions: () => void;
}

export function PopupView({ enabled, level, t, onToggle, onOpenOptions }: PopupViewProps) {
  return (
    <main class="hu-popup">
      <h1>{t('extName')}</h1>
      <p class="hu-popup-state" role="status">
        {t(enabled ? 'popup_enabled' : 'popup_disabled')}
      </p>
      {enabled && (
        <p class={`hu-popup-level hu-level-${level}`}>
          <span>{t('popup_level_label')}: </span>
          <strong>{t(LEVEL_KEYS[level])}</strong>
        </p>
      )}
      <label class="hu-popup-toggle">
        <input type="checkbox" checked={enabled} onChange={(event) => onToggle(event.currentTarget.checked)} />
        {t('popup_toggle')}
      </label>
      <p class="hu-popup-note">{t('popup_reload_hint')}</p>
      <p>
        <button type="button" class="hu-popup-link" onClick={onOpenOptions}>
          {t('popup_options_link')}
        </button>
      </p>
      <p class="hu-popup-note">{t('popup_privacy')}</p>
    </main>
  );
}
