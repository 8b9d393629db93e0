/**
 * The fixed wording of an administrative report under Decree 30/2020/NĐ-CP, Appendix I:
 * the motto, the number line, the place-and-date line, the signature block and the
 * last recipient line. Pure, so the preview, the .docx and the PDF all use one rule.
 */
import type { ReportOfficeSettings } from '../../api/report-types';

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';
export const REPORT_TITLE = 'BÁO CÁO';
export const SECRET_MARK = 'MẬT';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "Đông Anh, ngày 04 tháng 12 năm 2025". Appendix I writes a zero before days below 10
 * and before months 1 and 2 (so "tháng 01", "tháng 02", but "tháng 3" … "tháng 12").
 */
export function dateLine(place: string, isoDate: string): string {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  const month = Number(m);
  const monthText = month <= 2 ? pad2(month) : String(month);
  const prefix = place.trim() === '' ? '' : `${place.trim()}, `;
  return `${prefix}ngày ${pad2(Number(d))} tháng ${monthText} năm ${y}`;
}

/** "Số: 15/BC-BCĐ"; without a number the blank is left for the clerk: "Số:      /BC-BCĐ". */
export function numberLine(number: string, symbol: string): string {
  const n = number.trim();
  return `Số: ${n === '' ? '\u00a0\u00a0\u00a0\u00a0\u00a0' : n}/${symbol.trim()}`;
}

/** The last line of "Nơi nhận", which Appendix I always ends with: "- Lưu: VT, BCĐ." */
export function archiveLine(archive: string): string {
  const rest = archive.trim().replace(/\.$/u, '');
  return rest === '' ? 'Lưu: VT.' : `Lưu: VT, ${rest}.`;
}

/** The signature block above the name: the authority line ("KT. TRƯỞNG BAN") and the title. */
export function signatureLines(s: Pick<ReportOfficeSettings, 'signerAuthority' | 'signerOnBehalfOf' | 'signerTitle'>): string[] {
  const onBehalf = s.signerOnBehalfOf.trim().toLocaleUpperCase('vi');
  const title = s.signerTitle.trim().toLocaleUpperCase('vi');
  const first = s.signerAuthority === '' ? onBehalf : `${s.signerAuthority} ${onBehalf}`.trim();
  return [first, title].filter((line) => line !== '');
}

const UNIT_PREFIXES = ['thành phố', 'thị xã', 'thị trấn', 'huyện', 'quận', 'tỉnh', 'xã', 'phường', 'đặc khu'];

/** The place of the date line from the office's name: "Huyện Đông Anh" → "Đông Anh". */
export function placeOf(officeName: string): string {
  const name = officeName.trim();
  const lower = name.toLocaleLowerCase('vi');
  const prefix = UNIT_PREFIXES.find((p) => lower.startsWith(`${p} `));
  return prefix === undefined ? name : name.slice(prefix.length + 1).trim();
}

/** 12.5 → "12,5%", as Vietnamese reports write shares; "—" when not computable. */
export function percentText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value)}%`;
}

/** "2025-06-30" → "30/6/2025": dates inside the text of a document (domain.md §3.6). */
export function textDate(isoDate: string): string {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
