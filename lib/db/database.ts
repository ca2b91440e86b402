/**
 * The extension's IndexedDB database. Opened only in the background: content scripts run in the
 * page's origin, where a database would belong to the website, not to us.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AlertRow } from './alerts';
import type { ConversationRow } from './conversations';
import type { SettingRow } from './settings';

export const DB_NAME = 'heads-up';

export class HeadsUpDatabase extends Dexie {
  // `declare` (not `!`): a class field would overwrite the tables Dexie sets up in version().
  declare settings: Table<SettingRow, string>;
  declare alerts: EntityTable<AlertRow, 'id'>;
  declare conversations: Table<ConversationRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      settings: 'key',
      // Indexed for the history view and pruning. There is deliberately no text column.
      alerts: '++id, at, site, rule, category, level',
    });
    // Version 2 adds per-conversation summaries (issue 4). Settings and alerts carry over as they
    // are (tests/extension/database.test.ts opens a version 1 database to check), so no upgrade step.
    this.version(2).stores({ conversations: 'id, site, updatedAt' });
  }
}
