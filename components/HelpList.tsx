import type { HelpResource } from '~/rules/help';
import type { Translate } from '~/lib/i18n';

/** Help lines for the reader's region: call, text and web links, each a real link people can use. */
export function HelpList({ resources, t }: { resources: HelpResource[]; t: Translate }) {
  return (
    <section class="hu-section" aria-labelledby="hu-help-heading">
      <h3 id="hu-help-heading">{t('panel_help_heading')}</h3>
      {resources.length === 0 ? (
        <p>{t('help_none')}</p>
      ) : (
        <ul class="hu-help">
          {resources.map((resource) => (
            <li key={resource.id} class="hu-help-item">
              <p class="hu-help-name">{resource.name}</p>
              <p class="hu-help-purpose">{resource.purpose}</p>
              <p class="hu-help-links">
                {resource.call && <a href={resource.call.href}>{t('help_call', [resource.call.display])}</a>}
                {resource.text && <a href={resource.text.href}>{t('help_text', [resource.text.display])}</a>}
                {resource.web && (
                  // noreferrer: the help site must not learn which chat page the reader came from.
                  <a href={resource.web.href} target="_blank" rel="noopener noreferrer">
                    {resource.web.display}
                  </a>
                )}
              </p>
              {resource.hours && <p class="hu-help-hours">{t('help_hours', [resource.hours])}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
