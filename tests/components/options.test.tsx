// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '~/components/OptionsView';
import { DEFAULT_SETTINGS, type Settings } from '~/lib/settings-schema';
import { translatorFor } from '../extension/locale-catalog';

afterEach(cleanup);

const REGIONS = [
  { code: 'GB', name: 'United Kingdom' },
  { code: 'US', name: 'United States' },
];

describe('OptionsView', () => {
  it('saves audience, language, region and on/off, then says "Saved"', async () => {
    const onSave = vi.fn(async (settings: Settings) => settings);
    render(<OptionsView settings={DEFAULT_SETTINGS} regions={REGIONS} otherRegion="ZZ" t={translatorFor('en')} onSave={onSave} />);
    expect((screen.getByRole('radio', { name: 'A young person' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'A parent or carer' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'es' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Help lines for' }), { target: { value: 'GB' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Watch chats for warning signs' }));
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(onSave).toHaveBeenCalledWith({ enabled: false, audience: 'parent', language: 'es', region: 'GB' });
  });

  it('offers every audience, the regions with help lines and an international choice', () => {
    render(<OptionsView settings={DEFAULT_SETTINGS} regions={REGIONS} otherRegion="ZZ" t={translatorFor('es')} onSave={vi.fn()} />);
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    const region = screen.getByRole('combobox', { name: 'Líneas de ayuda de' }) as HTMLSelectElement;
    expect([...region.options].map((option) => option.value)).toEqual(['auto', 'GB', 'US', 'ZZ']);
  });

  it('says when saving failed', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('background restarting');
    });
    render(<OptionsView settings={DEFAULT_SETTINGS} regions={REGIONS} otherRegion="ZZ" t={translatorFor('en')} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save. Please try again.'));
  });
});
