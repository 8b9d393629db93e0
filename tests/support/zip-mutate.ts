/**
 * Structure-aware mutations of archives written by `writeZip` (exchange-format.md §7.1
 * "ZIP pitfalls", §7.2 item 7). The zip-strict tests and the test-vector corpus builder
 * use the same helpers, so every hostile vector is made by one well-understood edit of
 * a real archive. Field patches change only the bytes they name; `rebuildZip` re-lays
 * the archive (offsets, name lengths, counts) after structural edits.
 * The parser here is deliberately lenient: it trusts the writer's own output.
 */

const LFH_SIZE = 30;
const CD_SIZE = 46;
const EOCD_SIZE = 22;

/** [offset inside the record, width in bytes] */
type Field = readonly [number, 2 | 4];

export const LFH_FIELDS = {
  signature: [0, 4],
  versionNeeded: [4, 2],
  flags: [6, 2],
  method: [8, 2],
  time: [10, 2],
  date: [12, 2],
  crc32: [14, 4],
  compressedSize: [18, 4],
  size: [22, 4],
  nameLength: [26, 2],
  extraLength: [28, 2],
} as const satisfies Record<string, Field>;

export const CD_FIELDS = {
  signature: [0, 4],
  versionMadeBy: [4, 2],
  versionNeeded: [6, 2],
  flags: [8, 2],
  method: [10, 2],
  time: [12, 2],
  date: [14, 2],
  crc32: [16, 4],
  compressedSize: [20, 4],
  size: [24, 4],
  nameLength: [28, 2],
  extraLength: [30, 2],
  commentLength: [32, 2],
  diskStart: [34, 2],
  internalAttrs: [36, 2],
  externalAttrs: [38, 4],
  lfhOffset: [42, 4],
} as const satisfies Record<string, Field>;

export const EOCD_FIELDS = {
  signature: [0, 4],
  disk: [4, 2],
  cdDisk: [6, 2],
  entriesOnDisk: [8, 2],
  entriesTotal: [10, 2],
  cdSize: [12, 4],
  cdOffset: [16, 4],
  commentLength: [20, 2],
} as const satisfies Record<string, Field>;

export type LfhField = keyof typeof LFH_FIELDS;
export type CdField = keyof typeof CD_FIELDS;
export type EocdField = keyof typeof EOCD_FIELDS;

export type EntryLayout = {
  name: string;
  /** Offset of the CD record and of the local header. */
  cdAt: number;
  lfhAt: number;
  dataAt: number;
  size: number;
};

export type ZipLayout = { entries: EntryLayout[]; cdOffset: number; cdSize: number; eocdAt: number };

function readField(zip: Uint8Array, at: number, [offset, width]: Field): number {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  return width === 2 ? view.readUInt16LE(at + offset) : view.readUInt32LE(at + offset);
}

function writeField(zip: Buffer, at: number, [offset, width]: Field, value: number): void {
  if (width === 2) zip.writeUInt16LE(value, at + offset);
  else zip.writeUInt32LE(value >>> 0, at + offset);
}

/** Where each record of a well-formed archive is. */
export function zipLayout(zip: Uint8Array): ZipLayout {
  const eocdAt = zip.length - EOCD_SIZE;
  const count = readField(zip, eocdAt, EOCD_FIELDS.entriesTotal);
  const cdOffset = readField(zip, eocdAt, EOCD_FIELDS.cdOffset);
  const cdSize = readField(zip, eocdAt, EOCD_FIELDS.cdSize);
  const entries: EntryLayout[] = [];
  let cdAt = cdOffset;
  for (let i = 0; i < count; i++) {
    const nameLength = readField(zip, cdAt, CD_FIELDS.nameLength);
    const variable = nameLength + readField(zip, cdAt, CD_FIELDS.extraLength) + readField(zip, cdAt, CD_FIELDS.commentLength);
    const lfhAt = readField(zip, cdAt, CD_FIELDS.lfhOffset);
    const lfhVariable = readField(zip, lfhAt, LFH_FIELDS.nameLength) + readField(zip, lfhAt, LFH_FIELDS.extraLength);
    entries.push({
      name: Buffer.from(zip.subarray(cdAt + CD_SIZE, cdAt + CD_SIZE + nameLength)).toString('latin1'),
      cdAt,
      lfhAt,
      dataAt: lfhAt + LFH_SIZE + lfhVariable,
      size: readField(zip, cdAt, CD_FIELDS.compressedSize),
    });
    cdAt += CD_SIZE + variable;
  }
  return { entries, cdOffset, cdSize, eocdAt };
}

function entryAt(layout: ZipLayout, index: number): EntryLayout {
  const entry = layout.entries[index];
  if (entry === undefined) throw new Error(`no entry ${index}`);
  return entry;
}

/** A copy of `zip` with one central-directory field of entry `index` set to `value`. */
export function patchCdField(zip: Uint8Array, index: number, field: CdField, value: number): Buffer {
  const out = Buffer.from(zip);
  writeField(out, entryAt(zipLayout(zip), index).cdAt, CD_FIELDS[field], value);
  return out;
}

/** A copy of `zip` with one local-header field of entry `index` set to `value`. */
export function patchLfhField(zip: Uint8Array, index: number, field: LfhField, value: number): Buffer {
  const out = Buffer.from(zip);
  writeField(out, entryAt(zipLayout(zip), index).lfhAt, LFH_FIELDS[field], value);
  return out;
}

/** Sets a field in both headers of entry `index`, as a writer that really used that value would. */
export function patchBothHeaders(zip: Uint8Array, index: number, field: LfhField & CdField, value: number): Buffer {
  return patchLfhField(patchCdField(zip, index, field, value), index, field, value);
}

export function patchEocdField(zip: Uint8Array, field: EocdField, value: number): Buffer {
  const out = Buffer.from(zip);
  writeField(out, out.length - EOCD_SIZE, EOCD_FIELDS[field], value);
  return out;
}

/** The current value of every header field of entry `index`, from both headers. */
export function readEntryFields(zip: Uint8Array, index: number): { cd: Record<CdField, number>; lfh: Record<LfhField, number> } {
  const entry = entryAt(zipLayout(zip), index);
  const pick = <K extends string>(fields: Record<K, Field>, at: number): Record<K, number> =>
    Object.fromEntries(Object.entries<Field>(fields).map(([key, field]) => [key, readField(zip, at, field)])) as Record<K, number>;
  return { cd: pick(CD_FIELDS, entry.cdAt), lfh: pick(LFH_FIELDS, entry.lfhAt) };
}

/** XORs one byte of the data of entry `index` (headers and CRC untouched). */
export function flipDataByte(zip: Uint8Array, index: number, offset = 0, mask = 0x01): Buffer {
  const out = Buffer.from(zip);
  const at = entryAt(zipLayout(zip), index).dataAt + offset;
  out[at] = (out[at] as number) ^ mask;
  return out;
}

/** One entry as `rebuildZip` sees it: both headers and names separately, so they can disagree. */
export type EditableEntry = {
  lfhHeader: Buffer;
  lfhName: Buffer;
  cdHeader: Buffer;
  cdName: Buffer;
  data: Buffer;
};

/** Splits a writer-made archive into editable entries (extras and comments are assumed absent). */
export function splitZip(zip: Uint8Array): EditableEntry[] {
  const buf = Buffer.from(zip);
  return zipLayout(buf).entries.map((e) => {
    const cdNameLength = readField(buf, e.cdAt, CD_FIELDS.nameLength);
    const lfhNameLength = readField(buf, e.lfhAt, LFH_FIELDS.nameLength);
    return {
      lfhHeader: Buffer.from(buf.subarray(e.lfhAt, e.lfhAt + LFH_SIZE)),
      lfhName: Buffer.from(buf.subarray(e.lfhAt + LFH_SIZE, e.lfhAt + LFH_SIZE + lfhNameLength)),
      cdHeader: Buffer.from(buf.subarray(e.cdAt, e.cdAt + CD_SIZE)),
      cdName: Buffer.from(buf.subarray(e.cdAt + CD_SIZE, e.cdAt + CD_SIZE + cdNameLength)),
      data: Buffer.from(buf.subarray(e.dataAt, e.dataAt + e.size)),
    };
  });
}

/**
 * Lays `entries` out again as a tiled archive: LFH offsets, both name lengths, the CD
 * offset and size and both entry counts are recomputed; every other header byte is
 * kept, so a deliberate lie (a CRC, a size, a flag) survives. Sizes are not recomputed.
 */
export function joinZip(entries: readonly EditableEntry[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const lfh = Buffer.from(e.lfhHeader);
    writeField(lfh, 0, LFH_FIELDS.nameLength, e.lfhName.length);
    const cd = Buffer.from(e.cdHeader);
    writeField(cd, 0, CD_FIELDS.nameLength, e.cdName.length);
    writeField(cd, 0, CD_FIELDS.lfhOffset, offset);
    local.push(lfh, e.lfhName, e.data);
    central.push(cd, e.cdName);
    offset += lfh.length + e.lfhName.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(EOCD_SIZE);
  writeField(eocd, 0, EOCD_FIELDS.signature, 0x06054b50);
  writeField(eocd, 0, EOCD_FIELDS.entriesOnDisk, entries.length);
  writeField(eocd, 0, EOCD_FIELDS.entriesTotal, entries.length);
  writeField(eocd, 0, EOCD_FIELDS.cdSize, cdBytes.length);
  writeField(eocd, 0, EOCD_FIELDS.cdOffset, offset);
  return Buffer.concat([...local, cdBytes, eocd]);
}

/** Split, let `edit` change the entry list (reorder, duplicate, drop, rename), then re-lay. */
export function rebuildZip(zip: Uint8Array, edit: (entries: EditableEntry[]) => EditableEntry[] | void): Buffer {
  const entries = splitZip(zip);
  return joinZip(edit(entries) ?? entries);
}

/** Renames entry `index` in the local header, the central directory or both, keeping the tiling exact. */
export function rewriteEntryName(
  zip: Uint8Array,
  index: number,
  newName: string | Uint8Array,
  where: { lfh?: boolean; cd?: boolean } = { lfh: true, cd: true },
): Buffer {
  const name = typeof newName === 'string' ? Buffer.from(newName, 'utf8') : Buffer.from(newName);
  return rebuildZip(zip, (entries) => {
    const entry = entries[index];
    if (entry === undefined) throw new Error(`no entry ${index}`);
    if (where.lfh === true) entry.lfhName = name;
    if (where.cd === true) entry.cdName = name;
  });
}

/** Puts `bytes` in front; with `fixOffsets`, shifts every stored offset as `zip -A` does for SFX stubs. */
export function prependBytes(zip: Uint8Array, bytes: Uint8Array, fixOffsets = false): Buffer {
  let body: Buffer = Buffer.from(zip);
  if (fixOffsets) {
    const layout = zipLayout(body);
    for (const e of layout.entries) writeField(body, e.cdAt, CD_FIELDS.lfhOffset, e.lfhAt + bytes.length);
    body = patchEocdField(body, 'cdOffset', layout.cdOffset + bytes.length);
  }
  return Buffer.concat([bytes, body]);
}

export function appendBytes(zip: Uint8Array, bytes: Uint8Array): Buffer {
  return Buffer.concat([zip, bytes]);
}

/** Inserts `bytes` at `offset` without touching any stored offset (a gap, or hidden data). */
export function insertBytes(zip: Uint8Array, offset: number, bytes: Uint8Array): Buffer {
  return Buffer.concat([zip.subarray(0, offset), bytes, zip.subarray(offset)]);
}

/** Inserts `bytes` between the central directory and the end record (e.g. a ZIP64 locator), offsets unchanged. */
export function insertBeforeEocd(zip: Uint8Array, bytes: Uint8Array): Buffer {
  return insertBytes(zip, zip.length - EOCD_SIZE, bytes);
}

/** A ZIP64 end-of-central-directory locator (APPNOTE 4.3.15) pointing at `zip64EocdOffset`. */
export function zip64Locator(zip64EocdOffset = 0): Buffer {
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip64EocdOffset), 8);
  locator.writeUInt32LE(1, 16);
  return locator;
}

/** Adds an archive comment, as `zip -z` would. */
export function withArchiveComment(zip: Uint8Array, comment: string): Buffer {
  const bytes = Buffer.from(comment, 'utf8');
  return Buffer.concat([patchEocdField(zip, 'commentLength', bytes.length), bytes]);
}
