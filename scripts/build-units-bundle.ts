/**
 * Builds assets/units/units-vn.json.gz, the unit lists the app ships (issue 15 item 3),
 * from the official files in ../shared/data, read by the same readers as a user's import.
 * Run: `npx tsx scripts/build-units-bundle.ts` after ../shared/data changes; a unit test
 * rebuilds it in memory and fails when the committed copy differs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeUnitBundle, type BundleSource } from '../electron/services/units-bundle';
import { readUnitList } from '../electron/services/unit-list-reader';
import type { ParsedUnitList } from '../shared/domain/unit-list';
import { sharedDataFile } from '../tests/support/shared-data';

/** The lists shipped, with the day each describes (from ../shared/README.md). */
export const BUNDLE_SOURCES = [
  { file: 'dvhcvn-2025-03-01.json', asOf: '2025-03-01', description: 'Đơn vị hành chính trước 01/7/2025 (63 tỉnh, 696 huyện, 10.047 xã), ảnh chụp ngày 01/3/2025, bộ dữ liệu dvhcvn' },
  { file: 'dvhc-2025-07-01.csv', asOf: '2025-07-01', description: 'Đơn vị hành chính từ 01/7/2025 (34 tỉnh, 3.321 xã), phụ lục Công văn 1027/CTK-CSCL và 915/CTK-CSCL' },
] as const;

export async function buildUnitsBundle(): Promise<Buffer> {
  const sources: BundleSource[] = [];
  const lists: ParsedUnitList[] = [];
  for (const { file, asOf, description } of BUNDLE_SOURCES) {
    const bytes = fs.readFileSync(sharedDataFile(file));
    const { list } = await readUnitList(bytes, file);
    sources.push({ scheme: list.scheme, file, sha256: createHash('sha256').update(bytes).digest('hex'), asOf, description });
    lists.push(list);
  }
  return encodeUnitBundle(sources, lists);
}

export const BUNDLE_FILE = fileURLToPath(new URL('../assets/units/units-vn.json.gz', import.meta.url));

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = await buildUnitsBundle();
  fs.mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  fs.writeFileSync(BUNDLE_FILE, bytes);
  console.log(`${path.relative(process.cwd(), BUNDLE_FILE)}: ${bytes.length} bytes`);
}
