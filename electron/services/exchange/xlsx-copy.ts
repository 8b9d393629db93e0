/**
 * The human-readable copy inside a package (exchange-format.md §2.7): values only — no
 * formulas, macros or links; every value a typed constant, so a cell starting with
 * `= + - @` is text and never a formula. Closed-list codes are shown as their
 * Vietnamese labels. The workbook's creation date is the package's, so the same package
 * builds to the same bytes. Training copies carry a visible watermark row.
 */
import * as XLSX from 'xlsx';
import type { DatasetName } from '../../../shared/api/exchange-types';
import type { FieldDef } from '../../../shared/domain/fields';
import type { Json } from './canonical-json';
import { DATASET_SHAPES, type DatasetRecord } from './datasets';

const SHEET_NAMES: Record<DatasetName, string> = { commune_status: 'Xã, phường', hotspots: 'Điểm, tụ điểm', model_sites: 'Mô hình' };
const ID_LABELS: Record<DatasetName, string> = { commune_status: 'Mã xã', hotspots: 'Mã dòng', model_sites: 'Mã dòng' };
export const TRAINING_WATERMARK = 'DỮ LIỆU TẬP HUẤN — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC';

function display(field: FieldDef, value: Json | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const kind = field.kind;
  if (kind.type === 'enum' && typeof value === 'string') return kind.labels[value]?.vi ?? value;
  if (kind.type === 'set' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (kind.labels[v]?.vi ?? v) : '')).join('; ');
  if (kind.type === 'bool') return value === true ? 'Có' : 'Không';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function buildXlsxCopy(
  title: string,
  datasets: Partial<Record<DatasetName, readonly DatasetRecord[]>>,
  createdAt: string,
  isTraining: boolean,
): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, records] of Object.entries(datasets) as [DatasetName, readonly DatasetRecord[]][]) {
    const shape = DATASET_SHAPES[name];
    const header = [ID_LABELS[name], ...shape.fields.map((f) => f.labels.vi)];
    const rows = records.map((r) => [String(r[shape.idKey]), ...shape.fields.map((f) => display(f, r[f.key]))]);
    const top = isTraining ? [[TRAINING_WATERMARK], [title]] : [[title]];
    const sheet = XLSX.utils.aoa_to_sheet([...top, header, ...rows]);
    XLSX.utils.book_append_sheet(wb, sheet, SHEET_NAMES[name]);
  }
  wb.Props = { Title: title, CreatedDate: new Date(createdAt) };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
