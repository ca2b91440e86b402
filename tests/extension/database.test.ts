import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { HeadsUpDatabase } from '~/lib/db/database';

describe('database versions', () => {
  it('opens a version 1 database as version 2, keeping settings and alerts and adding conversations', async () => {
    const name = 'heads-up-migration-test';
    // The schema as the first release shipped it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ settings: 'key', alerts: '++id, at, site, rule, category, level' });
    await v1.table('settings').put({ key: 'audience', value: 'parent' });
    await v1.table('alerts').add({ at: 1, site: 's', rule: 'r', category: 'secrecy', level: 'warning' });
    v1.close();

    const db = new HeadsUpDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.settings.get('audience')).toEqual({ key: 'audience', value: 'parent' });
    expect(await db.alerts.count()).toBe(1);
    expect(await db.conversations.count()).toBe(0);
    await db.conversations.put({ id: 's/chat', site: 's', summary: { version: 1, messages: 0, level: 'none', notConcern: false, snoozedUntil: 0, evidence: [] }, updatedAt: 2 });
    expect(await db.conversations.where('updatedAt').below(3).count()).toBe(1);
    await db.delete();
  });
});
