// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '~/components/Panel';
import { PanelApp } from '~/components/PanelApp';
import { helpFor, type HelpResource } from '~/rules/help';
import type { Assessment, Evidence } from '~/rules/risk';
import { translatorFor } from '../extension/locale-catalog';

afterEach(cleanup);

/** The United States entries of the help directory, as the interface describes them. */
const US_HELP: HelpResource[] = [
  {
    id: 'us-cybertipline',
    name: 'NCMEC CyberTipline',
    purpose: 'Report online exploitation of a child.',
    web: { display: 'report.cybertip.org', href: 'https://report.cybertip.org' },
  },
  {
    id: 'us-nhth',
    name: 'National Human Trafficking Hotline',
    purpose: 'Confidential help, 24/7, in many languages.',
    call: { display: '1-888-373-7888', href: 'tel:+18883737888' },
    text: { display: '233733', href: 'sms:233733' },
    hours: '24/7',
  },
];

const evidence = (category: string, quote: string, message: number, severity: Evidence['severity'] = 'high'): Evidence => ({
  rule: `${category}.example`,
  category,
  severity,
  quote,
  direction: 'incoming',
  at: message,
  message,
});

const assessment = (level: Assessment['level'], items: Evidence[]): Assessment => ({
  level,
  evidence: items,
  changed: true,
  snoozed: false,
  notConcern: false,
  stage: undefined,
});

// Two rules hit the newest message; an older message showed a third kind of sign.
const warning = assessment('warning', [
  evidence('secrecy', "don't tell your mom", 5),
  evidence('platform-move', 'add me on snap', 5, 'medium'),
  evidence('flattery', "you're really pretty", 2, 'low'),
]);
const urgent = assessment('urgent', [evidence('threats', 'or i will post it', 7, 'urgent')]);

const en = translatorFor('en');
const es = translatorFor('es');

function renderPanel(over: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    assessment: warning,
    help: US_HELP,
    t: en,
    audience: 'teen',
    onClose: vi.fn(),
    onNotConcern: vi.fn(),
    onSnooze: vi.fn(),
    ...over,
  };
  render(<Panel {...props} />);
  return props;
}

const expand = (name = 'What can I do?') => fireEvent.click(screen.getByRole('button', { name }));

describe('Panel, compact', () => {
  it('is a non-modal dialog named Heads Up that says what it noticed in plain words', () => {
    renderPanel();
    const dialog = screen.getByRole('dialog', { name: /Heads Up/ });
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Heads Up: Asking you to keep a secret');
  });

  it('quotes every matched part of the newest message and names the other kinds of sign', () => {
    renderPanel();
    const quotes = document.querySelectorAll('blockquote');
    expect([...quotes].map((q) => q.textContent)).toEqual(["don't tell your mom … add me on snap"]);
    expect(screen.getByText('Also noticed: Flattery')).toBeTruthy();
    // The explanation and the help wait until the reader asks.
    expect(screen.queryByText('Why this can be a warning sign')).toBeNull();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('offers "Not a concern" and a snooze of an hour or until tomorrow', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Not a concern' }));
    expect(props.onNotConcern).toHaveBeenCalledTimes(1);
    const snooze = screen.getByRole('button', { name: 'Snooze' });
    expect(snooze.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(snooze);
    expect(snooze.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Until tomorrow' }));
    expect(props.onSnooze).toHaveBeenCalledWith('tomorrow');
  });

  it('closes the snooze choices with the first Escape and the panel with the second', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Snooze' }));
    const hour = screen.getByRole('button', { name: 'For 1 hour' });
    fireEvent.keyDown(hour, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'For 1 hour' })).toBeNull();
    expect(props.onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Snooze' }), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('closes with its button', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Close Heads Up' }));
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('when urgent, says so, offers a number to call at once and no way to quiet it', () => {
    renderPanel({ assessment: urgent });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Heads Up: Urgent: A threat');
    // The directory lists a web-only service first; the call-able line comes first here.
    expect(screen.getByRole('link', { name: 'Call 1-888-373-7888' }).getAttribute('href')).toBe('tel:+18883737888');
    expect(screen.queryByRole('button', { name: 'Not a concern' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Snooze' })).toBeNull();
  });
});

describe('Panel, expanded', () => {
  it('lists each message that counted, newest first, with the kinds of sign it showed', () => {
    renderPanel();
    expand();
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    const items = within(document.querySelector('.hu-messages') as HTMLElement).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('blockquote')?.textContent)).toEqual([
      "don't tell your mom … add me on snap",
      "you're really pretty",
    ]);
    expect(items.map((item) => item.querySelector('.hu-kinds')?.textContent)).toEqual([
      'Secrets, Moving to another app',
      'Flattery',
    ]);
  });

  it('explains why, says what to do, and links to help by phone, text and web', () => {
    renderPanel();
    expand();
    expect(screen.getByText(/won’t ask you to hide your chats/)).toBeTruthy();
    expect(screen.getByText('You are not in trouble. Noticing this was smart.')).toBeTruthy();
    expect(screen.getByText(/You can tell anyway/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 1-888-373-7888' }).getAttribute('href')).toBe('tel:+18883737888');
    expect(screen.getByRole('link', { name: 'Text 233733' }).getAttribute('href')).toBe('sms:233733');
    const web = screen.getByRole('link', { name: 'report.cybertip.org' });
    expect(web.getAttribute('rel')).toContain('noreferrer');
  });

  it('shows the help directory for the reader\'s region', () => {
    renderPanel({ help: helpFor('US', 'en') });
    expand();
    expect(screen.getByText('National Human Trafficking Hotline')).toBeTruthy();
    expect(document.querySelector('a[href="https://takeitdown.ncmec.org"]')).toBeTruthy();
  });

  it('puts help before the explanation when it is urgent', () => {
    renderPanel({ assessment: urgent });
    expand();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.indexOf('Free, confidential help')).toBeLessThan(headings.indexOf('Why this can be a warning sign'));
    expect(screen.getByText(/it is not your fault and you are not alone/)).toBeTruthy();
  });

  it('names what earlier visits found without words, since words are never stored', () => {
    const restored = assessment('warning', [
      evidence('secrecy', "don't tell your mom", 9),
      { ...evidence('gifts', '', 3), quote: '' },
      { ...evidence('secrecy', '', 2), quote: '' },
    ]);
    renderPanel({ assessment: restored });
    expand();
    expect(screen.getByText('Earlier in this chat (the words are not saved): Gifts or money')).toBeTruthy();
    expect(document.querySelectorAll('.hu-messages blockquote')).toHaveLength(1);
  });

  it('speaks to parents about their child, and to educators about the stage', () => {
    renderPanel({ audience: 'parent' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Heads Up: Your child is being asked to keep secrets');
    expand();
    expect(screen.getByText('Stay calm and tell your child they are not in trouble.')).toBeTruthy();
    cleanup();

    renderPanel({ audience: 'educator', assessment: { ...warning, stage: 'exclusivity' } });
    expand();
    expect(screen.getByText('Stage: Creating exclusivity')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Heads Up: Secrecy to create exclusivity');
  });

  it('speaks Spanish with the Spanish catalog', () => {
    renderPanel({ t: es });
    expect(screen.getByRole('dialog', { name: /^Heads Up\s*:\s*Te pide que guardes un secreto$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cerrar Heads Up' })).toBeTruthy();
    expand('¿Qué puedo hacer?');
    expect(screen.getByRole('link', { name: 'Llama al 1-888-373-7888' })).toBeTruthy();
    expect(screen.getByText('Lo que hemos notado')).toBeTruthy();
  });
});

describe('PanelApp', () => {
  const app = (over: Partial<Parameters<typeof PanelApp>[0]> = {}) => (
    <PanelApp
      open
      conversation="c"
      announceKey="a"
      assessment={warning}
      help={US_HELP}
      t={en}
      audience="teen"
      onClose={() => {}}
      onNotConcern={() => {}}
      onSnooze={() => {}}
      {...over}
    />
  );

  it('does not take focus and announces politely, or assertively when urgent', async () => {
    const before = document.createElement('input');
    document.body.append(before);
    before.focus();
    const { rerender } = render(app());
    expect(document.activeElement).toBe(before);
    const polite = document.querySelector('[aria-live="polite"]')!;
    const assertive = document.querySelector('[aria-live="assertive"]')!;
    await vi.waitFor(() => expect(polite.textContent).toBe('Heads Up noticed something in this chat: Asking you to keep a secret'));
    expect(assertive.textContent).toBe('');

    rerender(app({ announceKey: 'b', assessment: urgent }));
    await vi.waitFor(() => expect(assertive.textContent).toContain('A threat'));
    expect(polite.textContent).toBe('');
    before.remove();
  });

  it('keeps the live regions when closed, and says what an action did', async () => {
    render(app({ open: false, status: 'Snoozed for now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(2);
    await vi.waitFor(() => expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe('Snoozed for now'));
  });

  it('starts compact again for another conversation', () => {
    const { rerender } = render(app());
    expand();
    expect(screen.getByRole('button', { name: 'Show less' })).toBeTruthy();
    rerender(app({ conversation: 'other', announceKey: 'b' }));
    expect(screen.getByRole('button', { name: 'What can I do?' })).toBeTruthy();
  });
});
