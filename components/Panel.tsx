/**
 * The Heads Up panel: a non-modal dialog that names the pattern, quotes the words that matched,
 * explains why they can be a warning sign and what to do. It never takes focus on its own (the
 * reader may be typing) and never judges anyone: it describes the message, not the person.
 */
import type { Assessment, Evidence } from '~/rules/risk';
import type { HelpResource } from '~/rules/help';
import { categoryTitle, categoryWhy, type Translate } from '~/lib/i18n';
import { HelpList } from './HelpList';
import { NextSteps } from './NextSteps';

export interface PanelProps {
  assessment: Pick<Assessment, 'level' | 'evidence'>;
  help: HelpResource[];
  t: Translate;
  onClose: () => void;
}

/** Earlier signs shown under the main one; more would push the help links out of view. */
const MAX_EARLIER_SIGNS = 3;

export function Panel({ assessment, help, t, onClose }: PanelProps) {
  const [latest] = assessment.evidence;
  if (!latest) return null;
  const urgent = assessment.level === 'urgent';
  const title = categoryTitle(t, latest.category);

  return (
    <section
      class={`hu-panel${urgent ? ' hu-urgent' : ''}`}
      role="dialog"
      aria-labelledby="hu-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="hu-header">
        <h2 id="hu-title" class="hu-title">
          <span class="hu-brand">
            {t('panel_brand')}
            <span class="hu-visually-hidden">{t('panel_brand_separator')}</span>
          </span>
          {urgent && <span class="hu-tag">{t('panel_urgent_label')}</span>}
          <span class="hu-title-text">{title}</span>
        </h2>
        <button type="button" class="hu-close" aria-label={t('panel_close')} title={t('panel_close')} onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" focusable="false">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </header>

      <figure class="hu-quote">
        <figcaption>{t('panel_quote_label')}</figcaption>
        <blockquote>{latest.quote}</blockquote>
      </figure>

      {urgent && <p class="hu-urgent-intro">{t('panel_urgent_intro')}</p>}
      {/* Urgent puts help first: the reader may be under threat right now. */}
      {urgent && <HelpList resources={help} t={t} />}

      <section class="hu-section" aria-labelledby="hu-why-heading">
        <h3 id="hu-why-heading">{t('panel_why_heading')}</h3>
        <p>{categoryWhy(t, latest.category)}</p>
      </section>

      <NextSteps t={t} />
      {!urgent && <HelpList resources={help} t={t} />}
      <EarlierSigns evidence={assessment.evidence} t={t} />
    </section>
  );
}

function EarlierSigns({ evidence, t }: { evidence: readonly Evidence[]; t: Translate }) {
  const [latest, ...rest] = evidence;
  const categories = [...new Set(rest.map((item) => item.category))]
    .filter((category) => category !== latest?.category)
    .slice(0, MAX_EARLIER_SIGNS);
  if (categories.length === 0) return null;
  return (
    <section class="hu-section" aria-labelledby="hu-earlier-heading">
      <h3 id="hu-earlier-heading">{t('panel_also_noticed')}</h3>
      <ul>
        {categories.map((category) => (
          <li key={category}>{categoryTitle(t, category)}</li>
        ))}
      </ul>
    </section>
  );
}
