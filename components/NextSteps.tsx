import type { MessageKey, Translate } from '~/lib/i18n';
import type { Audience } from '~/lib/settings-schema';

/** In this order: reassurance first, so the reader keeps reading instead of feeling accused. */
const STEPS = ['not_in_trouble', 'no_pictures_money', 'save_evidence', 'block_report', 'talk'] as const;

export function stepKeys(audience: Audience): MessageKey[] {
  return STEPS.map((step) => `step_${audience}_${step}` as MessageKey);
}

/** What to do about this sign (the category's own advice), then the steps that always apply. */
export function NextSteps({ t, audience, todo }: { t: Translate; audience: Audience; todo: string }) {
  return (
    <section class="hu-section" aria-labelledby="hu-steps-heading">
      <h3 id="hu-steps-heading">{t('panel_steps_heading')}</h3>
      <p class="hu-todo">{todo}</p>
      <ul class="hu-steps">
        {stepKeys(audience).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
