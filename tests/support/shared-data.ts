/**
 * The one way tests, benchmarks and build scripts find the documents beside the
 * project (`../shared/data`): a missing file is said in a sentence, not an ENOENT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA_DIR = path.resolve(fileURLToPath(new URL('../../../shared/data/', import.meta.url)));

export function sharedDataFile(name: string): string {
  const file = path.join(SHARED_DATA_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(`${name} is not in ${SHARED_DATA_DIR}. The official unit lists live in ../shared/data beside the checkout; put the shared folder there (see README, "Where data lives").`);
  }
  return file;
}
