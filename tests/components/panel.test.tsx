// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '~/components/Panel';
import { PanelApp } from '~/components/PanelApp';
import { helpFor, type HelpResource } from '~/rules/help';
import type { Assessment, Evidence } from '~/rules/risk';
import { translatorFor } from '../extension/locale-catalog';

afterEach(cleanup);

/** The United States entries of the help directory, as the interface describes them. */
const US_HELP: HelpResource[] = [
  {
    id: 'us-nhth',
    name: 'National Human Trafficking Hotline',
    purpose: 'Confidential help, 24/7, in many languages.',
    call: { display: '1-888-373-7888', href: 'tel:+18883737888' },
    text: { display: '233733', href: 'sms:233733' },
    hours: '24/7',
  },
  {
    id: 'us-cybertipline',
    name: 'NCMEC CyberTipline',
    purpose: 'Report online exploitation of a child.',
    call: { display: '1-800-843-5678', href: 'tel:+18008435678' },
    web: { display: 'report.cybertip.org', href: 'https://report.cybertip.org' },
  },
  {
    id: 'us-take-it-down',
    name: 'Take It Down',
    purpose: 'Helps remove nude or sexual images taken of you before you were 18.',
    web: { display: 'takeitdown.ncmec.org', href: 'https://takeitdown.ncmec.org' },
  },
];

const evidence = (category: string, quote: string, at = 1): Evidence => ({
  rule: `${category}.example`,
  category,
  severity: 'high',
  quote,
  direction: 'incoming',
  at,
  message: at,
});

const warning: Assessment = {
  level: 'warning',
  evidence: [evidence('secrecy', "don't tell your mom", 2), evidence('platform-move', 'add me on snap', 1)],
  changed: true, snoozed: false, notConcern: false, stage: undefined,
};

const en = translatorFor('en');

describe('Panel', () => {
  it('is a non-modal dialog named Heads Up that says what it noticed', () => {
    render(<Panel assessment={warning} help={US_HELP} t={en} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: /Heads Up/ });
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Heads Up: This message asks you to keep a secret',
    );
  });

  it('quotes the matched words as the words from the message and explains why', () => {
    render(<Panel assessment={warning} help={US_HELP} t={en} onClose={() => {}} />);
    const quote = document.querySelector('blockquote')!;
    expect(quote.textContent).toBe("don't tell your mom");
    expect(quote.closest('figure')!.querySelector('figcaption')!.textContent).toBe('The words from the message');
    expect(screen.getByText(/won’t ask you to hide your chats/)).toBeTruthy();
    expect(screen.getByText('You are not in trouble. Noticing this was smart.')).toBeTruthy();
    expect(screen.getByText('Also noticed in this chat')).toBeTruthy();
    expect(screen.getByText('This message asks you to move to another app')).toBeTruthy();
  });

  it('links to help by phone, text and web', () => {
    render(<Panel assessment={warning} help={US_HELP} t={en} onClose={() => {}} />);
    expect(screen.getByRole('link', { name: 'Call 1-888-373-7888' }).getAttribute('href')).toBe('tel:+18883737888');
    expect(screen.getByRole('link', { name: 'Text 233733' }).getAttribute('href')).toBe('sms:233733');
    const web = screen.getByRole('link', { name: 'report.cybertip.org' });
    expect(web.getAttribute('href')).toBe('https://report.cybertip.org');
    expect(web.getAttribute('rel')).toContain('noreferrer');
    expect(screen.getByRole('link', { name: 'takeitdown.ncmec.org' })).toBeTruthy();
  });

  it('shows the help directory for the reader\'s region', () => {
    render(<Panel assessment={warning} help={helpFor('US', 'en')} t={en} onClose={() => {}} />);
    expect(screen.getByText('National Human Trafficking Hotline', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 1-888-373-7888' }).getAttribute('href')).toBe('tel:+18883737888');
    expect(document.querySelector('a[href="sms:233733"]')).toBeTruthy();
    expect(document.querySelector('a[href="https://takeitdown.ncmec.org"]')).toBeTruthy();
  });

  it('closes with its button and with Escape from inside', () => {
    const onClose = vi.fn();
    render(<Panel assessment={warning} help={US_HELP} t={en} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close Heads Up' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    const link = screen.getByRole('link', { name: 'Call 1-888-373-7888' });
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('puts help before the explanation when it is urgent', () => {
    const urgent: Assessment = { level: 'urgent', evidence: [evidence('threats', 'or i will post it')], changed: true, snoozed: false, notConcern: false, stage: undefined };
    render(<Panel assessment={urgent} help={US_HELP} t={en} onClose={() => {}} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.indexOf('Free, confidential help')).toBeLessThan(headings.indexOf('Why this can be a warning sign'));
    expect(screen.getByText('Important')).toBeTruthy();
  });

  it('speaks Spanish with the Spanish catalog', () => {
    render(<Panel assessment={warning} help={US_HELP} t={translatorFor('es')} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: /^Heads Up\s*:\s*Este mensaje te pide que guardes un secreto$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cerrar Heads Up' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Llama al 1-888-373-7888' })).toBeTruthy();
  });
});

describe('PanelApp', () => {
  it('does not take focus and announces politely, or assertively when urgent', async () => {
    const before = document.createElement('input');
    document.body.append(before);
    before.focus();
    const { rerender } = render(
      <PanelApp open announceKey="a" assessment={warning} help={US_HELP} t={en} onClose={() => {}} />,
    );
    expect(document.activeElement).toBe(before);
    const polite = document.querySelector('[aria-live="polite"]')!;
    const assertive = document.querySelector('[aria-live="assertive"]')!;
    await vi.waitFor(() =>
      expect(polite.textContent).toBe('Heads Up noticed something in this chat: This message asks you to keep a secret'),
    );
    expect(assertive.textContent).toBe('');

    const urgent: Assessment = { level: 'urgent', evidence: [evidence('threats', 'or else', 3)], changed: true, snoozed: false, notConcern: false, stage: undefined };
    rerender(<PanelApp open announceKey="b" assessment={urgent} help={US_HELP} t={en} onClose={() => {}} />);
    await vi.waitFor(() => expect(assertive.textContent).toContain('This message contains a threat'));
    expect(polite.textContent).toBe('');
    before.remove();
  });

  it('keeps the live regions but removes the dialog when closed', () => {
    render(<PanelApp open={false} announceKey="a" assessment={warning} help={US_HELP} t={en} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(2);
  });
});
