/**
 * Files in and out of the Exchange sheet. The renderer has no file system: packages
 * arrive from an <input type=file> or a drop and leave as a Blob download, so the
 * same code runs in Electron and in the browser host.
 */
import type { FileBytes } from '../../../shared/api/exchange-types';
import { bytesToBase64 } from '../../app/base64';

/** The first line of every age v1 file (exchange-format.md §4.2): the package is encrypted. */
const AGE_MAGIC = 'age-encryption.org/v1\n';

export type PickedFile = FileBytes & { isEncrypted: boolean };

function startsWithAgeMagic(bytes: Uint8Array): boolean {
  if (bytes.length < AGE_MAGIC.length) return false;
  for (let i = 0; i < AGE_MAGIC.length; i += 1) if (bytes[i] !== AGE_MAGIC.charCodeAt(i)) return false;
  return true;
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, bytesBase64: bytesToBase64(bytes), isEncrypted: startsWithAgeMagic(bytes) };
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves bytes the services made (a .bcpkg, a .bckey) through the browser's download. */
export function downloadFile(file: FileBytes): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.bytesBase64)], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the URL by now; a minute is ample before releasing the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
