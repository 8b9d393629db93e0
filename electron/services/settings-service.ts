/** Per-workspace settings beyond the language: the author name of changes, sheet layouts. */
import { getSetting, setSetting } from '../../db/queries/settings';
import type { ColumnLayout } from '../../shared/api/register-types';
import { normalizeName } from '../../shared/domain/text';
import type { Workspace } from './workspace';

export function setUserName(ws: Workspace, name: string): { userName: string } {
  const userName = normalizeName(name);
  setSetting(ws.db, 'user_name', userName);
  return { userName };
}

const READING_KEY = 'classification_reading';

/** The reading of QĐ 28/2025's bands; cumulative unless the office chose the literal one. */
export function classificationReading(ws: Workspace): 'cumulative' | 'literal' {
  return getSetting(ws.db, READING_KEY) === 'literal' ? 'literal' : 'cumulative';
}

export function setClassificationReading(ws: Workspace, reading: 'cumulative' | 'literal'): { reading: 'cumulative' | 'literal' } {
  setSetting(ws.db, READING_KEY, reading);
  return { reading };
}

function layoutKey(sheet: string): string {
  return `layout:${sheet}`;
}

/** The remembered layout, or null (defaults) when none was saved or it cannot be read. */
export function getLayout(ws: Workspace, sheet: string): { columns: ColumnLayout[] | null } {
  const text = getSetting(ws.db, layoutKey(sheet));
  if (text === undefined) return { columns: null };
  try {
    const parsed: unknown = JSON.parse(text);
    return { columns: Array.isArray(parsed) ? (parsed as ColumnLayout[]) : null };
  } catch {
    return { columns: null };
  }
}

export function saveLayout(ws: Workspace, sheet: string, columns: readonly ColumnLayout[]): { columns: ColumnLayout[] } {
  const plain = columns.map(({ colId, width, isHidden }) => ({ colId, width, isHidden }));
  setSetting(ws.db, layoutKey(sheet), JSON.stringify(plain));
  return { columns: plain };
}
