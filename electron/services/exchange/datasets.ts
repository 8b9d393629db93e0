/**
 * The datasets of payload schema 1 (exchange-format.md §2.6): one canonical JSON
 * document per register, records sorted by their stable id. The record layout comes
 * from the same field lists that drive the database and the grid, so a new field is a
 * new payload schema version, never a silent change.
 */
import type { DatasetName } from '../../../shared/api/exchange-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import { BcpkgError } from './bcpkg-error';
import type { Json } from './canonical-json';
import { MANIFEST_PERIOD, OFFICE_CODE, SchemaReader } from './schema-check';
import { cleanTextForExport } from './text-rules';

export type DatasetRecord = { [key: string]: Json };

type DatasetShape = { idKey: string; fields: readonly FieldDef[] };

export const DATASET_SHAPES: Record<DatasetName, DatasetShape> = {
  commune_status: { idKey: 'commune', fields: COMMUNE_STATUS_FIELDS.filter((f: FieldDef) => f.isReadOnly !== true) },
  hotspots: { idKey: 'id', fields: HOTSPOT_FIELDS },
  model_sites: { idKey: 'id', fields: MODEL_SITE_FIELDS },
};

/** Longest text value in a dataset (§5.3: 4 KiB, 300 for addresses). */
const MAX_TEXT = 4096;
const MAX_ADDRESS = 300;
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/u;

function maxLengthOf(field: FieldDef): number {
  return field.key === 'address' ? MAX_ADDRESS : MAX_TEXT;
}

/** One stored value as the package writes it: decimals as fixed-point strings (§2.3 has no floats). */
export function encodeValue(field: FieldDef, value: FieldValue): Json {
  if (value === null) return null;
  const kind = field.kind;
  switch (kind.type) {
    case 'decimal':
      return typeof value === 'number' ? value.toFixed(kind.decimals) : null;
    case 'set':
      return Array.isArray(value) ? [...(value as readonly string[])] : null;
    case 'text':
      return typeof value === 'string' ? cleanTextForExport(value) : null;
    default:
      return value as Json;
  }
}

/** A received value back in the registers' form: fixed-point decimal strings become numbers again. */
export function decodeValue(field: FieldDef, value: Json | undefined): FieldValue {
  if (value === null || value === undefined) return null;
  if (field.kind.type === 'decimal') return typeof value === 'string' ? Number(value) : null;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'object' ? null : value;
}

/** Every field of the dataset's shape decoded; the id key is left out (the caller has it). */
export function decodeRecord(dataset: DatasetName, record: DatasetRecord): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const field of DATASET_SHAPES[dataset].fields) out[field.key] = decodeValue(field, record[field.key]);
  return out;
}

export function buildRecord(dataset: DatasetName, id: string, values: Readonly<Record<string, FieldValue>>): DatasetRecord {
  const shape = DATASET_SHAPES[dataset];
  const record: DatasetRecord = { [shape.idKey]: id };
  for (const field of shape.fields) record[field.key] = encodeValue(field, values[field.key] ?? null);
  return record;
}

export function datasetDocument(dataset: DatasetName, officeCode: string, period: string, records: readonly DatasetRecord[]): Json {
  const idKey = DATASET_SHAPES[dataset].idKey;
  const sorted = [...records].sort((a, b) => compareIds(String(a[idKey]), String(b[idKey])));
  return { dataset, officeCode, period, records: sorted, schema: 1, type: 'bcpkg.dataset' };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A record's pointer into the unit hierarchy; `isCommune`: §2.6 calls it a commune code, so it must name a commune. */
export type UnitRef = { code: string; isCommune: boolean };

export type ReadDataset = { records: DatasetRecord[]; unitRefs: UnitRef[] };

/**
 * Stage 6, steps 28–30, on a dataset already known canonical. `unitRefs` are the
 * administrative units the records point at, for the jurisdiction check (step 31).
 */
export function readDataset(value: Json, expected: { dataset: DatasetName; officeCode: string; period: string; records: number }): ReadDataset {
  const r = new SchemaReader('E_PAYLOAD_SCHEMA', `data/${expected.dataset}.json`);
  const o = r.object(value, ['dataset', 'officeCode', 'period', 'records', 'schema', 'type']);
  if (o.type !== 'bcpkg.dataset' || o.schema !== 1 || o.dataset !== expected.dataset) r.fail('type, schema or dataset');
  const officeCode = r.string(o.officeCode, OFFICE_CODE);
  const period = r.string(o.period, MANIFEST_PERIOD);
  const records = r.array(o.records, 0, 100_000);
  const shape = DATASET_SHAPES[expected.dataset];
  const read: DatasetRecord[] = [];
  const refs: UnitRef[] = [];
  let previousId: string | null = null;
  records.forEach((raw, index) => {
    const rr = r.at(`records[${index}]`);
    const rec = rr.object(raw, [shape.idKey, ...shape.fields.map((f) => f.key)]);
    const id = rr.string(rec[shape.idKey], RECORD_ID);
    if (previousId !== null && previousId >= id) rr.fail('records must be sorted by id and unique');
    previousId = id;
    const out: DatasetRecord = Object.create(null) as DatasetRecord;
    out[shape.idKey] = id;
    for (const field of shape.fields) out[field.key] = readValue(rr.at(field.key), field, rec[field.key] ?? null);
    read.push(out);
    refs.push(...unitRefs(expected.dataset, out));
  });
  if (officeCode !== expected.officeCode || period !== expected.period) {
    throw new BcpkgError('E_PAYLOAD_HEADER_MISMATCH', `data/${expected.dataset}.json names ${officeCode} ${period}`);
  }
  if (read.length !== expected.records) {
    throw new BcpkgError('E_RECORD_COUNT_MISMATCH', `data/${expected.dataset}.json has ${read.length}, manifest says ${expected.records}`);
  }
  return { records: read, unitRefs: refs };
}

/** A model site's host is the office's own unit or one below it (any level); the other two name communes. */
function unitRefs(dataset: DatasetName, record: DatasetRecord): UnitRef[] {
  const code = dataset === 'commune_status' ? record.commune : dataset === 'hotspots' ? record.commune_code : record.host_unit_code;
  return typeof code === 'string' ? [{ code, isCommune: dataset !== 'model_sites' }] : [];
}

function readValue(r: SchemaReader, field: FieldDef, value: Json): Json {
  if (value === null) return null;
  const kind = field.kind;
  switch (kind.type) {
    case 'int':
      return r.integer(value, 0, kind.max ?? Number.MAX_SAFE_INTEGER);
    case 'decimal':
      return r.string(value, new RegExp(`^-?\\d{1,15}\\.\\d{${kind.decimals}}$`, 'u'), 32);
    case 'enum':
      return r.oneOf(value, kind.values);
    case 'set': {
      const items = r.array(value, 0, kind.values.length);
      const codes = items.map((item) => r.oneOf(item, kind.values));
      if (new Set(codes).size !== codes.length) r.fail('duplicate choice');
      return codes;
    }
    case 'bool':
      return r.boolean(value);
    case 'date':
      return r.string(value, /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u, 10);
    case 'text':
      return r.string(value, null, maxLengthOf(field));
    case 'ref':
      return r.string(value, RECORD_ID, 64);
  }
}
