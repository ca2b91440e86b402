/**
 * The compact panel's buttons: expand, "Not a concern" and "Snooze" (a small disclosure with two
 * choices). Plain buttons rather than an ARIA menu: they work with Tab and Enter as people expect,
 * with nothing to learn.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '~/lib/i18n';

export type SnoozeChoice = 'hour' | 'tomorrow';

export interface PanelActionsProps {
  t: Translate;
  expanded: boolean;
  /** Urgent signs are never quieted or snoozed, so those two buttons are not offered. */
  quietable: boolean;
  onToggle: () => void;
  onNotConcern: () => void;
  onSnooze: (choice: SnoozeChoice) => void;
}

export function PanelActions({ t, expanded, quietable, onToggle, onNotConcern, onSnooze }: PanelActionsProps) {
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  return (
    <div class="hu-actions">
      <button type="button" class="hu-button hu-primary" aria-expanded={expanded} aria-controls="hu-details" onClick={onToggle}>
        {t(expanded ? 'panel_collapse' : 'panel_expand')}
      </button>
      {quietable && (
        <>
          <button type="button" class="hu-button" onClick={onNotConcern}>
            {t('panel_not_concern')}
          </button>
          <div
            class="hu-snooze"
            onKeyDown={(event) => {
              // Escape closes the choices first; a second Escape closes the panel.
              if (event.key === 'Escape' && snoozeOpen) {
                event.stopPropagation();
                setSnoozeOpen(false);
              }
            }}
          >
            <button
              type="button"
              class="hu-button"
              aria-expanded={snoozeOpen}
              aria-controls="hu-snooze-choices"
              onClick={() => setSnoozeOpen(!snoozeOpen)}
            >
              {t('panel_snooze')}
              <svg aria-hidden="true" viewBox="0 0 12 12" width="12" height="12" focusable="false">
                <path d="M2.5 4.5l3.5 3.5 3.5-3.5" stroke="currentColor" stroke-width="1.75" fill="none" stroke-linecap="round" />
              </svg>
            </button>
            {snoozeOpen && (
              <ul id="hu-snooze-choices" class="hu-snooze-choices">
                <li>
                  <button type="button" class="hu-button" onClick={() => onSnooze('hour')}>
                    {t('panel_snooze_hour')}
                  </button>
                </li>
                <li>
                  <button type="button" class="hu-button" onClick={() => onSnooze('tomorrow')}>
                    {t('panel_snooze_tomorrow')}
                  </button>
                </li>
              </ul>
            )}
          </div>
        </>
      )}
    </div>
  );
}
