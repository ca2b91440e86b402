/**
 * What the content script mounts in the shadow root: the live regions, always present so screen
 * readers notice when they fill, and the panel while it is open.
 */
import { useEffect, useState } from 'preact/hooks';
import { categoryText } from '~/lib/i18n';
import { Panel, type PanelProps } from './Panel';

export interface PanelAppProps extends PanelProps {
  open: boolean;
  /** Changes whenever there is something new to announce (e.g. the newest evidence time). */
  announceKey: string;
  /** The conversation shown; a switch starts the panel compact again. */
  conversation: string;
  /** Said politely when the panel is closed by an action ("snoozed"), so the reader hears what happened. */
  status?: string;
}

/** Delay before filling a live region: a region born with text is often not read. */
const ANNOUNCE_DELAY_MS = 100;

export function PanelApp(props: PanelAppProps) {
  const { open, announceKey, assessment, t, audience, status = '' } = props;
  const [announcement, setAnnouncement] = useState('');
  const latest = assessment.evidence[0];
  const alertText = open && latest ? t('panel_announce', [categoryText(t, latest.category, audience, 'title')]) : '';
  const text = alertText || status;

  useEffect(() => {
    setAnnouncement('');
    if (!text) return;
    const timer = setTimeout(() => setAnnouncement(text), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, announceKey]);

  // Urgent alerts interrupt; everything else waits until the screen reader is idle.
  const assertive = Boolean(alertText) && assessment.level === 'urgent';
  return (
    <>
      <div class="hu-visually-hidden" aria-live="polite" aria-atomic="true">
        {assertive ? '' : announcement}
      </div>
      <div class="hu-visually-hidden" aria-live="assertive" aria-atomic="true">
        {assertive ? announcement : ''}
      </div>
      {open && <Panel key={props.conversation} {...props} />}
    </>
  );
}
