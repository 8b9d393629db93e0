import { describe, expect, it } from 'vitest';
import { fieldDef } from '../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../shared/domain/model-site';
import { copyText, planClear, planFill, planPaste, withRejections, type PlanColumn, type SheetView } from './block-plan';

type Grid = { sheet: SheetView['sheet']; canCreate: boolean; columns: PlanColumn[]; ids: string[]; values: FieldValue[][] };

function viewOf(g: Grid): SheetView {
  return {
    sheet: g.sheet,
    canCreate: g.canCreate,
    refs: { commune: [{ code: '00454', label: 'Thị trấn Đông Anh' }, { code: '00457', label: 'Xã Xuân Nộn' }] },
    columns: g.columns,
    rowCount: g.ids.length,
    rowId: (row) => g.ids[row] ?? '',
    valueAt: (row, col) => g.values[row]?.[col] ?? null,
    textAt: (row, col) => String(g.values[row]?.[col] ?? ''),
  };
}

const col = (def: FieldDef, isEditable = true): PlanColumn => ({ colId: def.key, label: def.labels.vi, def, isEditable });
const codeCol: PlanColumn = { colId: 'code', label: 'Mã', def: null, isEditable: false };

const communes = (): Grid => ({
  sheet: 'communeStatuses',
  canCreate: false,
  columns: [codeCol, col(fieldDef('declared_class')), col(fieldDef('resident_population')), col(fieldDef('drug_free_certificate_date'))],
  ids: ['00454', '00457'],
  values: [
    ['00454', null, 100, null],
    ['00457', 'CO_MA_TUY', null, null],
  ],
});

const hotspotDef = (key: string): FieldDef => {
  const def = HOTSPOT_FIELDS.find((f) => f.key === key);
  if (!def) throw new Error(key);
  return def;
};

describe('planPaste', () => {
  it('parses labels, Vietnamese numbers and dd/mm/yyyy like typing, with old values for undo', () => {
    const plan = planPaste(viewOf(communes()), { row: 0, col: 1 }, [
      ['không ma túy', '12.345', '01/07/2025'],
      ['Có ma túy', '7', ''],
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.edits.map((e) => [e.edit, e.oldValue])).toEqual([
      [{ sheet: 'communeStatuses', op: 'set', id: '00454', field: 'declared_class', value: 'KHONG_MA_TUY' }, null],
      [{ sheet: 'communeStatuses', op: 'set', id: '00454', field: 'resident_population', value: 12345 }, 100],
      [{ sheet: 'communeStatuses', op: 'set', id: '00454', field: 'drug_free_certificate_date', value: '2025-07-01' }, null],
      [{ sheet: 'communeStatuses', op: 'set', id: '00457', field: 'resident_population', value: 7 }, null],
    ]);
  });

  it('reports bad cells, read-only cells that would change and rows past the end of a fixed sheet', () => {
    const plan = planPaste(viewOf(communes()), { row: 0, col: 0 }, [
      ['00454', 'sai', '-5', '31/02/2025'],
      ['99999', '', '3', ''],
      ['x', 'Có ma túy', '1', ''],
    ]);
    // Row 2: an empty pasted cell empties the cell, as in Excel.
    expect(plan.edits.map((e) => e.edit.op === 'set' && [e.edit.field, e.edit.value])).toEqual([
      ['declared_class', null],
      ['resident_population', 3],
    ]);
    expect(plan.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [1, 'Tình trạng', 'sai', { kind: 'rule', rule: 'closedList' }],
      [1, 'Nhân khẩu cư trú', '-5', { kind: 'rule', rule: 'wholeNumber' }],
      [1, 'Ngày công nhận', '31/02/2025', { kind: 'rule', rule: 'dateFormat' }],
      [2, 'Mã', '99999', { kind: 'readOnly' }],
      [3, 'Mã', 'x', { kind: 'readOnly' }],
      [3, 'Tình trạng', 'Có ma túy', { kind: 'noNewRows' }],
      [3, 'Nhân khẩu cư trú', '1', { kind: 'noNewRows' }],
    ]);
  });

  it('creates register rows for pasted rows past the end, skipping empty rows and read-only codes', () => {
    const g: Grid = {
      sheet: 'hotspots',
      canCreate: true,
      columns: [col(hotspotDef('local_code'), false), col(hotspotDef('commune_code')), col(hotspotDef('drug_types')), col(hotspotDef('discovered_date'))],
      ids: ['h1'],
      values: [['DA-001', '00454', null, null]],
    };
    const plan = planPaste(viewOf(g), { row: 0, col: 0 }, [
      ['DA-001', 'Thị trấn Đông Anh', 'Heroin; Cần sa', ''],
      ['DA-009', 'xa xuan non', 'Cần sa', '05/03/2025'],
      ['', '', '', ''],
      ['', '00454', 'Bột mì', ''],
      ['', 'Xã Không Có', 'Heroin', ''],
    ]);
    expect(plan.edits.map((e) => e.edit)).toEqual([
      { sheet: 'hotspots', op: 'set', id: 'h1', field: 'drug_types', value: ['HEROIN', 'CAN_SA'] },
      { sheet: 'hotspots', op: 'create', values: { commune_code: '00457', drug_types: ['CAN_SA'], discovered_date: '2025-03-05' } },
      { sheet: 'hotspots', op: 'create', values: { commune_code: '00454' } },
    ]);
    expect(plan.problems).toEqual([
      { row: 4, column: 'Loại ma túy', value: 'Bột mì', reason: { kind: 'rule', rule: 'closedList' } },
      // A refused commune (required) keeps the whole row out.
      { row: 5, column: 'Xã/phường', value: 'Xã Không Có', reason: { kind: 'rule', rule: 'closedList' } },
    ]);
  });

  it('passes over the tick-box column and gives created rows the defaults of the blank row', () => {
    const modelDef = (key: string): FieldDef => {
      const def = MODEL_SITE_FIELDS.find((f) => f.key === key);
      if (!def) throw new Error(key);
      return def;
    };
    const tick: PlanColumn = { colId: 'ag-Grid-SelectionColumn', label: 'ag-Grid-SelectionColumn', def: null, isEditable: false, isUtility: true };
    const g: Grid = { sheet: 'modelSites', canCreate: true, columns: [tick, col(modelDef('name')), col(modelDef('members')), col(modelDef('host_unit_code'))], ids: [], values: [] };
    const view = { ...viewOf(g), newRowDefaults: { name: null, members: null, host_unit_code: '017' } };
    // Pasted with the tick-box cell focused: the first value goes to the name, as the user sees it.
    const plan = planPaste(view, { row: 0, col: 0 }, [['CLB Xuân Nộn', '12'], ['Tổ Đản Mỗ', '']]);
    expect(plan.problems).toEqual([]);
    expect(plan.edits.map((e) => e.edit)).toEqual([
      { sheet: 'modelSites', op: 'create', values: { host_unit_code: '017', name: 'CLB Xuân Nộn', members: 12 } },
      { sheet: 'modelSites', op: 'create', values: { host_unit_code: '017', name: 'Tổ Đản Mỗ' } },
    ]);
    expect(copyText({ ...view, rowCount: 1, textAt: (_r, c) => ['', 'CLB', '12', 'Huyện Đông Anh'][c] ?? '' }, { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 3 } })).toBe('CLB\t12\tHuyện Đông Anh\r\n');
  });

  it('merges the services refusals into the report, in row order', () => {
    const plan = planPaste(viewOf(communes()), { row: 0, col: 2 }, [['5'], ['abc']]);
    expect(withRejections(plan, [{ index: 0, message: 'Kỳ đã khóa' }])).toEqual([
      { row: 1, column: 'Nhân khẩu cư trú', value: '5', reason: { kind: 'server', message: 'Kỳ đã khóa' } },
      { row: 2, column: 'Nhân khẩu cư trú', value: 'abc', reason: { kind: 'rule', rule: 'wholeNumber' } },
    ]);
  });
});

describe('fill, clear and copy', () => {
  it('fills the top row of a range down, skipping read-only columns and equal values', () => {
    const g = communes();
    g.ids.push('00460');
    g.values.push(['00460', 'CO_MA_TUY', 5, null]);
    const edits = planFill(viewOf(g), { anchor: { row: 0, col: 0 }, focus: { row: 2, col: 2 } });
    expect(edits.map((e) => [e.edit, e.oldValue])).toEqual([
      [{ sheet: 'communeStatuses', op: 'set', id: '00457', field: 'declared_class', value: null }, 'CO_MA_TUY'],
      [{ sheet: 'communeStatuses', op: 'set', id: '00460', field: 'declared_class', value: null }, 'CO_MA_TUY'],
      [{ sheet: 'communeStatuses', op: 'set', id: '00457', field: 'resident_population', value: 100 }, null],
      [{ sheet: 'communeStatuses', op: 'set', id: '00460', field: 'resident_population', value: 100 }, 5],
    ]);
  });

  it('fills a single cell from the cell above, and does nothing on the first row', () => {
    const one = (row: number) => ({ anchor: { row, col: 2 }, focus: { row, col: 2 } });
    expect(planFill(viewOf(communes()), one(1)).map((e) => e.edit)).toEqual([
      { sheet: 'communeStatuses', op: 'set', id: '00457', field: 'resident_population', value: 100 },
    ]);
    expect(planFill(viewOf(communes()), one(0))).toEqual([]);
  });

  it('clears the non-empty editable cells of a range', () => {
    const edits = planClear(viewOf(communes()), { anchor: { row: 1, col: 2 }, focus: { row: 0, col: 0 } });
    expect(edits.map((e) => [e.edit, e.oldValue])).toEqual([
      [{ sheet: 'communeStatuses', op: 'set', id: '00454', field: 'resident_population', value: null }, 100],
      [{ sheet: 'communeStatuses', op: 'set', id: '00457', field: 'declared_class', value: null }, 'CO_MA_TUY'],
    ]);
  });

  it('copies the shown texts as Excel does', () => {
    expect(copyText(viewOf(communes()), { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 2 } })).toBe('00454\t\t100\r\n00457\tCO_MA_TUY\t\r\n');
  });

  it('copies a note that starts like a formula as text, and a negative latitude as a number', () => {
    const lat = HOTSPOT_FIELDS.find((f) => f.key === 'lat') as FieldDef;
    const note = HOTSPOT_FIELDS.find((f) => f.key === 'note') as FieldDef;
    const grid: Grid = { sheet: 'hotspots', canCreate: true, columns: [col(lat), col(note)], ids: ['h1', 'h2'], values: [[-5, '=1+1'], [10.5, '@cmd']] };
    expect(copyText(viewOf(grid), { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 1 } })).toBe("-5\t'=1+1\r\n10.5\t'@cmd\r\n");
  });
});
