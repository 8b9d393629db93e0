/**
 * Loading and saving the model-site register. Every change goes to edits.apply as its
 * own batch (one history batch, one undo step), durable before the answer; a refused
 * change puts the previous value back and says why. The blank row at the bottom is a
 * draft kept here until it has every required value; then it is created.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, EditsResult } from '../../../shared/api/contract';
import type { ModelSiteRow } from '../../../shared/api/register-types';
import type { FieldValue, RefOption } from '../../../shared/domain/fields';
import type { ModelSiteField, ModelSiteValues } from '../../../shared/domain/model-site';
import { ApiCallError, type ApiClient } from '../../api/client';
import { draftRow, gridRowOf, missingRequired, type SiteGridRow } from './model-site-cells';

type WireEdit = ApiInput<'edits.apply'>['edits'][number];
type WireValue = string | number | boolean | null | string[];

export type SaveState = { pendingCount: number; lastSavedAt: Date | null };

export type ModelSites = {
  rows: SiteGridRow[] | null;
  draft: SiteGridRow;
  hostUnits: RefOption[];
  loadError: unknown;
  save: SaveState;
  /** A row's cell changed in the grid (the row object already holds the new value). */
  changeCell: (row: SiteGridRow, field: ModelSiteField, oldValue: FieldValue) => Promise<void>;
  removeRows: (ids: readonly string[]) => Promise<number>;
};

function wire(value: FieldValue): WireValue {
  return Array.isArray(value) ? [...(value as readonly string[])] : (value as WireValue);
}

function wireValues(values: ModelSiteValues): Record<string, WireValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null).map(([k, v]) => [k, wire(v)]));
}

/** A batch the services refused in part: with mode 'all' nothing was stored. */
function refusal(result: EditsResult): ApiCallError | null {
  const first = result.rejected[0];
  return first === undefined ? null : new ApiCallError(first.code, first.message);
}

export function useModelSites(client: ApiClient, periodId: string, officeCode: string, onError: (error: unknown) => void): ModelSites {
  const [rows, setRows] = useState<SiteGridRow[] | null>(null);
  const [hostUnits, setHostUnits] = useState<RefOption[]>([]);
  const [draft, setDraft] = useState<SiteGridRow>(() => draftRow({ host_unit_code: officeCode }));
  const [loadError, setLoadError] = useState<unknown>(null);
  const [save, setSave] = useState<SaveState>({ pendingCount: 0, lastSavedAt: null });
  const isCreating = useRef(false);

  useEffect(() => {
    let isStale = false;
    setRows(null);
    setLoadError(null);
    Promise.all([client.call('modelSites.list', { periodId, isRemovedIncluded: false }), client.call('units.underOffice', {})])
      .then(([sites, units]) => {
        if (isStale) return;
        setHostUnits(units.map((u) => ({ code: u.code, label: u.name })));
        setRows(sites.map(gridRowOf));
      })
      .catch((error: unknown) => {
        if (!isStale) setLoadError(error);
      });
    return () => {
      isStale = true;
    };
  }, [client, periodId]);

  const apply = useCallback(
    async (edits: WireEdit[]): Promise<EditsResult> => {
      setSave((s) => ({ ...s, pendingCount: s.pendingCount + 1 }));
      try {
        const result = await client.call('edits.apply', { periodId, cause: 'typing', mode: 'all', edits });
        const refused = refusal(result);
        if (refused !== null) throw refused;
        setSave((s) => ({ pendingCount: s.pendingCount - 1, lastSavedAt: new Date() }));
        return result;
      } catch (error) {
        setSave((s) => ({ ...s, pendingCount: s.pendingCount - 1 }));
        throw error;
      }
    },
    [client, periodId],
  );

  const mergeSaved = useCallback((saved: readonly ModelSiteRow[]) => {
    if (saved.length === 0) return;
    const byId = new Map(saved.map((row) => [row.id, gridRowOf(row)]));
    setRows((before) => {
      if (before === null) return before;
      const merged = before.map((row) => byId.get(row.id) ?? row);
      const added = [...byId.values()].filter((row) => !before.some((b) => b.id === row.id) && !saved.find((s) => s.id === row.id)?.isRemoved);
      return [...merged, ...added];
    });
  }, []);

  const createDraft = useCallback(
    async (row: SiteGridRow) => {
      if (isCreating.current || missingRequired(row.values).length > 0) return;
      isCreating.current = true;
      try {
        const result = await apply([{ sheet: 'modelSites', op: 'create', values: wireValues(row.values) }]);
        mergeSaved(result.modelSites);
        setDraft(draftRow({ host_unit_code: officeCode }));
      } finally {
        isCreating.current = false;
      }
    },
    [apply, mergeSaved, officeCode],
  );

  const changeCell = useCallback(
    async (row: SiteGridRow, field: ModelSiteField, oldValue: FieldValue) => {
      if (row.isDraft) {
        setDraft({ ...row });
        await createDraft(row).catch(onError);
        return;
      }
      try {
        const result = await apply([{ sheet: 'modelSites', op: 'set', id: row.id, field, value: wire(row.values[field]) }]);
        mergeSaved(result.modelSites);
      } catch (error) {
        // Put the stored value back; a new row object makes the grid redraw it.
        setRows((before) => before?.map((r) => (r.id === row.id ? { ...r, values: { ...r.values, [field]: oldValue } } : r)) ?? null);
        onError(error);
      }
    },
    [apply, createDraft, mergeSaved, onError],
  );

  const removeRows = useCallback(
    async (ids: readonly string[]) => {
      await apply(ids.map((id) => ({ sheet: 'modelSites', op: 'remove', id })));
      setRows((before) => before?.filter((row) => !ids.includes(row.id)) ?? null);
      return ids.length;
    },
    [apply],
  );

  return { rows, draft, hostUnits, loadError, save, changeCell, removeRows };
}
