/**
 * The Heads Up panel: a non-modal dialog, compact until the reader asks for more. Compact, it
 * says what we noticed in plain words and quotes the newest message's words; expanded, it lists
 * every message that counted, why it can be a warning sign, what to do and where to get help.
 * It never takes focus on its own (the reader may be typing) and describes messages, not people.
 */
import { useState } from 'preact/hooks';
import type { Assessment } from '~/rules/risk';
import type { HelpResource } from '~/rules/help';
import { categoryName, categoryText, stageText, type MessageKey, type Translate } from '~/lib/i18n';
import type { Audience } from '~/lib/settings-schema';
import { groupEvidence, type EvidenceView } from './evidence-groups';
import { callFirst, HelpLinks, HelpList } from './HelpList';
import { NextSteps } from './NextSteps';
import { PanelActions, type SnoozeChoice } from './PanelActions';

export interface PanelProps {
  assessment: Pick<Assessment, 'level' | 'evidence'> & Partial<Pick<Assessment, 'stage'>>;
  help: HelpResource[];
  t: Translate;
  audience: Audience;
  onClose: () => void;
  onNotConcern: () => void;
  onSnooze: (choice: SnoozeChoice) => void;
}

/** Kinds of sign explained in the expanded panel; more would push the help out of reach. */
const MAX_EXPLAINED = 3;

export function Panel(props: PanelProps) {
  const { assessment, help, t, audience, onClose } = props;
  const [expanded, setExpanded] = useState(false);
  const view = groupEvidence(assessment.evidence);
  const newest = view.categories[0];
  if (!newest) return null;
  const urgent = assessment.level === 'urgent';
  const shownFirst = view.groups[0]?.categories ?? [newest];
  const others = view.categories.filter((category) => !shownFirst.includes(category));

  return (
    <section
      class={`hu-panel${urgent ? ' hu-urgent' : ''}${expanded ? ' hu-expanded' : ''}`}
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
          {/* One line for the brand and the urgent tag: the compact card must stay small. */}
          <span class="hu-brand-line">
            <span class="hu-brand">
              {t('panel_brand')}
              <span class="hu-visually-hidden">{t('panel_brand_separator')}</span>
            </span>
            {urgent && (
              <span class="hu-tag">
                {t('panel_urgent_label')}
                <span class="hu-visually-hidden">{t('panel_brand_separator')}</span>
              </span>
            )}
          </span>
          <span class="hu-title-text">{categoryText(t, newest, audience, 'title')}</span>
        </h2>
        <button type="button" class="hu-close" aria-label={t('panel_close')} title={t('panel_close')} onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" focusable="false">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </header>

      {!expanded && <Compact view={view} others={others} urgent={urgent} help={help} t={t} />}
      {expanded && <Details {...props} view={view} urgent={urgent} />}

      <PanelActions
        t={t}
        expanded={expanded}
        quietable={!urgent}
        onToggle={() => setExpanded(!expanded)}
        onNotConcern={props.onNotConcern}
        onSnooze={props.onSnooze}
      />
    </section>
  );
}

/** The newest message's words, the other kinds of sign by name, and for urgent one way to call. */
function Compact({ view, others, urgent, help, t }: { view: EvidenceView; others: string[]; urgent: boolean; help: HelpResource[]; t: Translate }) {
  const [first] = view.groups;
  const quick = urgent ? callFirst(help).find((resource) => resource.call || resource.text) : undefined;
  return (
    <div class="hu-compact">
      {first && (
        <figure class="hu-quote">
          <figcaption>{t('panel_quote_label')}</figcaption>
          <blockquote>{first.quotes.join(' … ')}</blockquote>
        </figure>
      )}
      {others.length > 0 && <p class="hu-also">{t('panel_also', [names(t, others)])}</p>}
      {quick && (
        <p class="hu-quick-help">
          <span class="hu-quick-name">{quick.name}</span>
          <HelpLinks resource={quick} t={t} web={false} />
        </p>
      )}
    </div>
  );
}

function Details({ assessment, help, t, audience, view, urgent }: PanelProps & { view: EvidenceView; urgent: boolean }) {
  const explained = view.categories.slice(0, MAX_EXPLAINED);
  const newest = view.categories[0]!;
  return (
    <div id="hu-details" class="hu-details">
      {urgent && <p class="hu-urgent-intro">{t(`panel_urgent_intro_${audience}` as MessageKey)}</p>}
      {/* Urgent puts help first: the reader may be under threat right now. */}
      {urgent && <HelpList resources={help} t={t} urgent />}

      <section class="hu-section" aria-labelledby="hu-noticed-heading">
        <h3 id="hu-noticed-heading">{t('panel_noticed_heading')}</h3>
        <ul class="hu-messages">
          {view.groups.map((group) => (
            <li key={group.message}>
              {/* Several rules may quote one message: its parts, each once. */}
              <blockquote>{group.quotes.join(' … ')}</blockquote>
              <p class="hu-kinds">{names(t, group.categories)}</p>
            </li>
          ))}
        </ul>
        {view.earlier.length > 0 && <p class="hu-earlier">{t('panel_earlier', [names(t, view.earlier)])}</p>}
        {audience === 'educator' && assessment.stage && (
          <p class="hu-stage">
            <strong>{t('panel_stage', [stageText(t, assessment.stage, 'name')])}</strong> {stageText(t, assessment.stage, 'desc')}
          </p>
        )}
      </section>

      <section class="hu-section" aria-labelledby="hu-why-heading">
        <h3 id="hu-why-heading">{t('panel_why_heading')}</h3>
        {explained.map((category) => (
          <p key={category} class="hu-why">
            {explained.length > 1 && <strong>{categoryName(t, category)}: </strong>}
            {categoryText(t, category, audience, 'why')}
          </p>
        ))}
      </section>

      <NextSteps t={t} audience={audience} todo={categoryText(t, newest, audience, 'todo')} />
      {!urgent && <HelpList resources={help} t={t} />}
    </div>
  );
}

function names(t: Translate, categories: readonly string[]): string {
  return categories.map((category) => categoryName(t, category)).join(', ');
}
