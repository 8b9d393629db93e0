/**
 * The period report (báo cáo, product.md §7) as it crosses the API: the settings the
 * office fills once (header, signer, recipients) and per period (number, date, the
 * "tình hình" paragraph), and the one document model that the preview, the .docx and
 * the PDF are all drawn from, so the three can never say different things.
 */

/** Signer authority marks of Decree 30/2020 (domain.md §7.10). */
export const SIGNER_AUTHORITIES = ['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export type SignerAuthority = (typeof SIGNER_AUTHORITIES)[number];

/** What the office fills once; kept in the workspace settings. */
export type ReportOfficeSettings = {
  /** The body above the issuer, e.g. "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH". */
  superiorBody: string;
  /** The issuing office, e.g. "BAN CHỈ ĐẠO PHÒNG, CHỐNG MA TÚY". */
  issuer: string;
  /** The symbol after the number: "BC-BCĐ" gives "Số: 15/BC-BCĐ". */
  symbol: string;
  /** The place in the date line, e.g. "Đông Anh". */
  place: string;
  /** One line each, without the leading "- ". */
  recipients: string[];
  /** What follows "Lưu: VT, " in the last recipient line. */
  archive: string;
  signerAuthority: SignerAuthority;
  /** The line after the authority mark ("BAN CHỈ ĐẠO" after TM., "TRƯỞNG BAN" after KT.). */
  signerOnBehalfOf: string;
  /** The signer's own title, e.g. "PHÓ TRƯỞNG BAN". */
  signerTitle: string;
  signerName: string;
};

/** What changes with each report; kept per period. */
export type ReportPeriodSettings = {
  /** The number given by the clerk; empty leaves the blank to fill by hand. */
  number: string;
  /** ISO date of issue. */
  date: string;
  /** The free "tình hình" paragraph. */
  situation: string;
};

export type ReportSettings = ReportOfficeSettings & ReportPeriodSettings;

export type ReportTable = { columns: string[]; rows: string[][]; widths: number[] };

/** One bar group of the indicator chart: percentages, null when not computable. */
export type ReportChartBar = { code: string; label: string; current: number | null; previous: number | null; target: number | null };

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; title: string; currentLabel: string; previousLabel: string; targetLabel: string; bars: ReportChartBar[] };

/** The whole document, every text already written out in Vietnamese. */
export type ReportModel = {
  periodId: string;
  office: { code: string; name: string };
  settings: ReportSettings;
  /** "MẬT" when hotspot addresses are included; null otherwise. */
  secrecy: string | null;
  header: { superiorBody: string; issuer: string; numberLine: string; motto: string; slogan: string; dateLine: string };
  title: string;
  summary: string;
  body: ReportBlock[];
  recipients: string[];
  signature: { lines: string[]; name: string };
  /** The figures the body states, for checks and the UI (not rendered on their own). */
  figures: { communes: number; communesEntered: number; drugFree: number; keyCommunes: number; hotspots: { activeAtStart: number; new: number; eliminated: number; activeAtEnd: number }; modelSites: number };
};

/** A rendered report file, as sheets.exportXlsx returns bytes. */
export type ReportFile = { fileName: string; bytesBase64: string };
export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
