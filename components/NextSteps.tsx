import type { MessageKey, Translate } from '~/lib/i18n';

/** In this order: reassurance first, so the reader keeps reading instead of feeling accused. */
const STEPS: readonly MessageKey[] = [
  'step_not_in_trouble',
  'step_no_pictures_money',
  'step_save_evidence',
  'step_block_report',
  'step_talk',
];

export function NextSteps({ t }: { t: Translate }) {
  return (
    <section class="hu-section" aria-labelledby="hu-steps-heading">
      <h3 id="hu-steps-heading">{t('panel_steps_heading')}</h3>
      <ul class="hu-steps">
        {STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
