import type { HelpResource } from '~/rules/help';
import type { Translate } from '~/lib/i18n';

/** Help lines with a phone or text number first: when it is urgent, talking to someone comes first. */
export function callFirst(resources: readonly HelpResource[]): HelpResource[] {
  const reachable = (resource: HelpResource) => (resource.call || resource.text ? 0 : 1);
  // Array.prototype.sort is stable, so the directory's own order holds within each group.
  return [...resources].sort((a, b) => reachable(a) - reachable(b));
}

/** Help lines for the reader's region: call, text and web links, each a real link people can use. */
export function HelpList({ resources, t, urgent = false }: { resources: HelpResource[]; t: Translate; urgent?: boolean }) {
  const shown = urgent ? callFirst(resources) : resources;
  return (
    <section class="hu-section" aria-labelledby="hu-help-heading">
      <h3 id="hu-help-heading">{t('panel_help_heading')}</h3>
      {shown.length === 0 ? (
        <p>{t('help_none')}</p>
      ) : (
        <ul class="hu-help">
          {shown.map((resource) => (
            <li key={resource.id} class="hu-help-item">
              <p class="hu-help-name">{resource.name}</p>
              <p class="hu-help-purpose">{resource.purpose}</p>
              <p class="hu-help-links">
                <HelpLinks resource={resource} t={t} />
              </p>
              {resource.hours && <p class="hu-help-hours">{t('help_hours', [resource.hours])}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HelpLinks({ resource, t, web = true }: { resource: HelpResource; t: Translate; web?: boolean }) {
  return (
    <>
      {resource.call && <a href={resource.call.href}>{t('help_call', [resource.call.display])}</a>}
      {resource.text && <a href={resource.text.href}>{t('help_text', [resource.text.display])}</a>}
      {web && resource.web && (
        // noreferrer: the help site must not learn which chat page the reader came from.
        <a href={resource.web.href} target="_blank" rel="noopener noreferrer">
          {resource.web.display}
        </a>
      )}
    </>
  );
}
