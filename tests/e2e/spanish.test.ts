/**
 * A reader whose browser speaks Spanish, in Mexico: the panel speaks Spanish, its help lines are
 * described in Spanish, and it has no axe-core violations at any level.
 */
import { useBrowserSession } from './session';
import { describe, expect, it } from 'vitest';
import { MEXICO_READER, requestsOutside } from './browser';
import { axeViolations, panelDialog, plainText, screenshotPanel } from './panel-helpers';

const e2e = useBrowserSession(MEXICO_READER);

describe('Spanish', () => {
  for (const [level, script] of [
    ['warning', 'es-secret'],
    ['urgent', 'es-urgent'],
  ] as const) {
    it(`shows the ${level} panel in Spanish, with Spanish help, and no axe-core violations`, async () => {
      const page = await e2e.browser.context.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${e2e.server.url}/test/chat.html?script=${script}&interval=50`);
      const dialog = panelDialog(page);
      await dialog.waitFor({ state: 'visible', timeout: 20_000 });
      const compact = await plainText(dialog);
      expect(compact).toContain('¿Qué puedo hacer?');
      expect(compact).toContain('Las palabras del mensaje');
      if (level === 'urgent') expect(compact).toMatch(/Urgente[\s\S]*Llama al/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshotPanel(page, `panel-es-${level}-compact`);

      await dialog.getByRole('button', { name: '¿Qué puedo hacer?' }).click();
      const expanded = await plainText(dialog);
      expect(expanded).toContain('Qué puedes hacer ahora');
      expect(expanded).toContain('Ayuda gratuita y confidencial');
      // Mexico's own help lines, in the directory's Spanish wording, with numbers to call.
      expect(expanded).toContain('Línea de la Vida');
      expect(expanded).toContain('Llama al 800 911 2000');
      expect(expanded).toContain('Encuentra la línea de ayuda infantil');
      expect(expanded).not.toContain('What can I do');
      expect(await axeViolations(page)).toEqual([]);
      await screenshotPanel(page, `panel-es-${level}-expanded`);
      await page.close();
    });
  }

  it('made no request except to the local test server', () => {
    expect(requestsOutside(e2e.browser.requests, e2e.server.url)).toEqual([]);
  });
});
