/**
 * What the content script mounts in the shadow root: the live regions, always present so screen
 * readers notice when they fill, and the panel while it is open.
 */
import { useEffect, useState } from 'preact/hooks';
import { categoryTitle } from '~/lib/i18n';
import { Panel, type PanelProps } from './Panel';

export interface PanelAppProps extends PanelProps {
  open: boolean;
  /** Changes whenever there is something new to announce (e.g. the newest evidence time). */
  announceKey: string;
}

export function PanelApp(props: PanelAppProps) {
  const { open, announceKey, assessment, t } = props;
  const [announcement, setAnnouncement] = useState('');
  const latest = assessment.evidence[0];
  const text = open && latest ? t('panel_announce', [categoryTitle(t, latest.category)]) : '';

  // Filled after the empty region is in the page; a region born with text is often not read.
  useEffect(() => {
    setAnnouncement('');
    if (!text) return;
    const timer = setTimeout(() => setAnnouncement(text), 100);
    return () => clearTimeout(timer);
  }, [text, announceKey]);

  const urgent = assessment.level === 'urgent';
  return (
    <>
      <div class="hu-visually-hidden" aria-live="polite" aria-atomic="true">
        {urgent ? '' : announcement}
      </div>
      <div class="hu-visually-hidden" aria-live="assertive" aria-atomic="true">
        {urgent ? announcement : ''}
      </div>
      {open && <Panel {...props} />}
    </>
  );
}
