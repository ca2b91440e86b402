/**
 * Settings as key/value rows, plus a schema version so later releases can migrate stored values.
 */
import { cleanSettings, DEFAULT_SETTINGS, type Settings } from '~/lib/settings-schema';
import type { HeadsUpDatabase } from './database';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Bump when a stored setting changes meaning, and add a step to MIGRATIONS. */
export const SETTINGS_VERSION = 1;
const VERSION_KEY = '__version';

/** Each step upgrades rows from version n to n+1. Version 1 is the first; nothing to migrate yet. */
const MIGRATIONS: Record<number, (db: HeadsUpDatabase) => Promise<void>> = {};

export async function migrateSettings(db: HeadsUpDatabase): Promise<void> {
  const stored = (await db.settings.get(VERSION_KEY))?.value;
  let version = typeof stored === 'number' ? stored : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    await MIGRATIONS[version]?.(db);
    version += 1;
  }
  await db.settings.put({ key: VERSION_KEY, value: SETTINGS_VERSION });
}

export async function getSettings(db: HeadsUpDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = cleanSettings(Object.fromEntries(rows.map((row) => [row.key, row.value])));
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Saves the valid part of `patch` and returns the full settings after saving. */
export async function updateSettings(db: HeadsUpDatabase, patch: unknown): Promise<Settings> {
  const clean = cleanSettings(patch);
  await db.settings.bulkPut(Object.entries(clean).map(([key, value]) => ({ key, value })));
  return getSettings(db);
}
