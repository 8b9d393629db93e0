/**
 * The age v1 header grammar (C2SP age §"Header"): version line, stanzas (`-> ` and
 * arguments, then a base64 body wrapped at 64 columns ending with a short line), and
 * `--- <MAC>`. Parsing is generic over stanza types; which types are acceptable is
 * the caller's policy. Every line is bounded by the header size limit, so a hostile
 * header costs at most that many bytes of work.
 */
import { BcpkgError } from '../bcpkg-error';
import { decodeBase64, encodeBase64 } from './base64';
import type { AgeErrorCodes, HeaderLimits } from './codes';

export type Stanza = { type: string; args: string[]; body: Buffer };

export type ParsedHeader = {
  stanzas: Stanza[];
  /** The header bytes up to and including `---`: what the MAC covers. */
  macInput: Buffer;
  mac: Buffer;
  /** Offset of the first byte after the MAC line (the payload nonce). */
  payloadStart: number;
};

const VERSION_LINE = 'age-encryption.org/v1';
const COLUMNS = 64;
const MAC_LENGTH = 32;
const ARGUMENT = /^[\x21-\x7e]+$/u;
const PRINTABLE = /^[\x20-\x7e]*$/u;

export function parseHeader(file: Uint8Array, limits: HeaderLimits, codes: AgeErrorCodes): ParsedHeader {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.length);
  function fail(detail: string): never {
    throw new BcpkgError(codes.header, detail);
  }
  const end = Math.min(bytes.length, limits.maxHeaderBytes);
  let pos = 0;
  const readLine = (): { text: string; start: number } => {
    const newline = bytes.indexOf(0x0a, pos);
    if (newline < 0 || newline >= end) fail('header line unterminated or header too large');
    const start = pos;
    const text = bytes.toString('latin1', pos, newline);
    if (!PRINTABLE.test(text)) fail('header contains a non-printable byte');
    pos = newline + 1;
    return { text, start };
  };

  if (readLine().text !== VERSION_LINE) fail('unsupported version line');
  const stanzas: Stanza[] = [];
  for (;;) {
    const { text, start } = readLine();
    if (text.startsWith('--- ')) {
      const mac = decodeBase64(text.slice(4));
      if (mac === null || mac.length !== MAC_LENGTH) fail('malformed header MAC');
      if (stanzas.length === 0) fail('no recipient stanza');
      return { stanzas, macInput: bytes.subarray(0, start + 3), mac, payloadStart: pos };
    }
    if (!text.startsWith('-> ')) fail('expected a stanza or the MAC line');
    const args = text.slice(3).split(' ');
    if (!args.every((arg) => ARGUMENT.test(arg))) fail('empty or invalid stanza argument');
    let bodyText = '';
    for (;;) {
      const line = readLine().text;
      if (line.length > COLUMNS) fail('stanza body line longer than 64 columns');
      bodyText += line;
      if (line.length < COLUMNS) break;
    }
    const body = decodeBase64(bodyText);
    if (body === null) fail('stanza body is not canonical base64');
    const [type = '', ...rest] = args;
    stanzas.push({ type, args: rest, body });
    if (stanzas.length > limits.maxStanzas) fail(`more than ${limits.maxStanzas} stanzas`);
  }
}

/** The header text up to and including `---`, i.e. the MAC input. */
export function encodeHeaderForMac(stanzas: readonly Stanza[]): Buffer {
  const lines = [VERSION_LINE];
  for (const stanza of stanzas) {
    lines.push(['->', stanza.type, ...stanza.args].join(' '));
    const body = encodeBase64(stanza.body);
    for (let i = 0; i <= body.length; i += COLUMNS) lines.push(body.slice(i, i + COLUMNS));
  }
  lines.push('---');
  return Buffer.from(lines.join('\n'), 'latin1');
}

export function encodeHeader(stanzas: readonly Stanza[], mac: Uint8Array): Buffer {
  return Buffer.concat([encodeHeaderForMac(stanzas), Buffer.from(` ${encodeBase64(mac)}\n`, 'latin1')]);
}
