// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '~/components/PopupView';
import { translatorFor } from '../extension/locale-catalog';

afterEach(cleanup);

describe('PopupView', () => {
  it('shows the tab level and lets the reader switch watching off', () => {
    const onToggle = vi.fn();
    render(<PopupView enabled level="warning" t={translatorFor('en')} onToggle={onToggle} onOpenOptions={() => {}} />);
    expect(screen.getByText('Warning sign noticed')).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Watch chats for warning signs' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it('says when it is off and hides the level', () => {
    render(<PopupView enabled={false} level="urgent" t={translatorFor('es')} onToggle={() => {}} onOpenOptions={() => {}} />);
    expect(screen.getByRole('status').textContent).toBe('Heads Up está desactivado');
    expect(screen.queryByText('Señal de alerta importante detectada')).toBeNull();
  });

  it('links to the settings', () => {
    const onOpenOptions = vi.fn();
    render(<PopupView enabled level="none" t={translatorFor('en')} onToggle={() => {}} onOpenOptions={onOpenOptions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });
});
