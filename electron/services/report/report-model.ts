/**
 * The period report's one document model (product.md §7, issue 15 item 1), built from
 * the same services the sheets read: the communes' statuses with the class each counts
 * as (declared, else computed — as the indicators count them) and the criteria behind
 * each key commune, the drug-free communes and their certification, the hotspot flows
 * of the period, the active model sites, and the programme indicators against the
 * phase's targets. The preview, the .docx and the PDF only lay this model out.
 * Hotspot addresses are listed only when asked for, and the document is then "MẬT".
 */
import type { IndicatorResult } from '../../../shared/api/indicator-types';
import type { ReportBlock, ReportChartBar, ReportModel, ReportTable } from '../../../shared/api/report-types';
import { classifyCommune } from '../../../shared/domain/classification';
import { criteriaText } from '../../../shared/domain/classification-text';
import { COMMUNE_CLASS_LABELS, COMMUNE_CLASSES, type CommuneClass } from '../../../shared/domain/commune-status';
import { HOTSPOT_CATEGORY, HOTSPOT_STATUS } from '../../../shared/domain/hotspot';
import { MODEL_STATUS, MODEL_TYPE } from '../../../shared/domain/model-site';
import { periodLabel, type Period } from '../../../shared/domain/period';
import { archiveLine, dateLine, MOTTO, numberLine, percentText, REPORT_TITLE, SECRET_MARK, signatureLines, SLOGAN, textDate } from '../../../shared/domain/report/report-text';
import { figuresOf, isStatusEntered } from '../../../shared/domain/rules';
import { listCommuneRows } from '../commune-status-service';
import { requirePeriod } from '../edit-service';
import { classOf, listIndicators } from '../indicator-service';
import { requireOfficeDetails } from '../office-service';
import { listHotspotRows, listModelSiteRows } from '../register-service';
import { classificationReading } from '../settings-service';
import type { Workspace } from '../workspace';
import { readReportSettings } from './report-settings';

const KEY_CLASSES: readonly CommuneClass[] = ['TRONG_DIEM_I', 'TRONG_DIEM_II', 'TRONG_DIEM_III'];
const label = <T extends string>(table: { labels: Record<T, { vi: string }> }, code: unknown): string =>
  typeof code === 'string' && Object.hasOwn(table.labels, code) ? table.labels[code as T].vi : '';
/** "BAN CHỈ ĐẠO PHÒNG, CHỐNG MA TÚY" → "Ban chỉ đạo phòng, chống ma túy", for use inside a sentence. */
const sentenceCase = (s: string): string => s.toLocaleLowerCase('vi').replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));
/** "Huyện Đông Anh" → "huyện Đông Anh": the unit type is lower case inside a sentence. */
const inText = (name: string): string => name.replace(/^(Huyện|Quận|Thị xã|Thành phố|Tỉnh|Xã|Phường|Thị trấn|Đặc khu) /u, (t) => t.toLocaleLowerCase('vi'));
const count = (n: number): string => new Intl.NumberFormat('vi-VN').format(n);
const table = (columns: string[], widths: number[], rows: string[][]): ReportBlock => ({ kind: 'table', table: { columns, rows, widths } satisfies ReportTable });
const numbered = (rows: string[][]): string[][] => rows.map((r, i) => [String(i + 1), ...r]);

type CommuneLine = { code: string; name: string; cls: CommuneClass | null; criteria: string; certificateNo: string; certificateDate: string };

function communeLines(ws: Workspace, periodId: string): { total: number; lines: CommuneLine[] } {
  const reading = classificationReading(ws);
  const rows = listCommuneRows(ws, periodId);
  const lines = rows.flatMap((row) => {
    if (row.rowVersion === 0 || !isStatusEntered(row.status)) return [];
    const s = row.status;
    const hasPopulation = typeof s.resident_population === 'number' && s.resident_population > 0;
    return [{
      code: row.code,
      name: row.name,
      cls: classOf(s, reading),
      criteria: hasPopulation ? criteriaText(classifyCommune(figuresOf(s), reading).criteria_met) : '—',
      certificateNo: typeof s.drug_free_certificate_no === 'string' ? s.drug_free_certificate_no : '',
      certificateDate: typeof s.drug_free_certificate_date === 'string' ? textDate(s.drug_free_certificate_date) : '',
    }];
  });
  return { total: rows.length, lines };
}

function communeBlocks(total: number, lines: readonly CommuneLine[]): ReportBlock[] {
  const byClass = COMMUNE_CLASSES.map((cls) => ({ cls, n: lines.filter((l) => l.cls === cls).length }));
  const unclassified = lines.filter((l) => l.cls === null).length;
  const key = lines.filter((l) => l.cls !== null && KEY_CLASSES.includes(l.cls));
  const share = (n: number): string => percentText(total === 0 ? null : (100 * n) / total);
  const rows = byClass.filter((c) => c.n > 0 || c.cls !== 'CHUA_XAC_DINH').map((c) => [COMMUNE_CLASS_LABELS[c.cls].vi, count(c.n), share(c.n)]);
  if (unclassified > 0) rows.push(['Chưa đủ số liệu để phân loại', count(unclassified), share(unclassified)]);
  rows.push(['Tổng số đã báo cáo', count(lines.length), share(lines.length)]);
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '1. Phân loại xã, phường, thị trấn theo tình trạng ma túy' },
    { kind: 'paragraph', text: `Tổng số ${count(total)} đơn vị cấp xã trên địa bàn, ${count(lines.length)} đơn vị đã có số liệu trong kỳ; trong đó ${count(byClass[0]?.n ?? 0)} đơn vị không ma túy và ${count(key.length)} đơn vị trọng điểm về ma túy.` },
    table(['Phân loại', 'Số đơn vị', 'Tỷ lệ'], [60, 20, 20], rows),
  ];
  if (key.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Các đơn vị trọng điểm về ma túy và tiêu chí xác định (Điều 6 Quyết định số 28/2025/QĐ-TTg):' });
    blocks.push(table(['STT', 'Đơn vị', 'Phân loại', 'Tiêu chí đạt'], [8, 37, 27, 28], numbered(key.map((l) => [l.name, COMMUNE_CLASS_LABELS[l.cls ?? 'CHUA_XAC_DINH'].vi, l.criteria]))));
  }
  return blocks;
}

function drugFreeBlocks(lines: readonly CommuneLine[]): ReportBlock[] {
  const free = lines.filter((l) => l.cls === 'KHONG_MA_TUY');
  const certified = free.filter((l) => l.certificateNo !== '' || l.certificateDate !== '');
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '2. Xã, phường, thị trấn không ma túy' },
    { kind: 'paragraph', text: `Có ${count(free.length)} đơn vị không ma túy, trong đó ${count(certified.length)} đơn vị đã được công nhận.` },
  ];
  if (free.length > 0) {
    const rows = free.map((l) => [l.name, l.certificateNo === '' ? 'Chưa công nhận' : l.certificateNo, l.certificateDate]);
    blocks.push(table(['STT', 'Đơn vị', 'Quyết định công nhận', 'Ngày công nhận'], [8, 42, 30, 20], numbered(rows)));
  }
  return blocks;
}

type Hotspots = ReturnType<typeof listHotspotRows>;

function hotspotBlocks(hotspots: Hotspots, isAddressIncluded: boolean): ReportBlock[] {
  const s = hotspots.summary;
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '3. Điểm, tụ điểm phức tạp về ma túy' },
    { kind: 'paragraph', text: `Đầu kỳ có ${count(s.activeAtStart)} điểm, tụ điểm hoạt động; trong kỳ phát hiện mới ${count(s.new)}, triệt xóa ${count(s.eliminated)}; cuối kỳ còn ${count(s.activeAtEnd)} điểm, tụ điểm hoạt động.` },
    table(['Hoạt động đầu kỳ', 'Phát hiện mới', 'Triệt xóa', 'Hoạt động cuối kỳ'], [25, 25, 25, 25], [[s.activeAtStart, s.new, s.eliminated, s.activeAtEnd].map(count)]),
  ];
  if (isAddressIncluded) {
    const rows = hotspots.rows.filter((h) => h.flags.isActiveAtStart || h.flags.isNew || h.flags.isActiveAtEnd).map((h) => [
      h.communeName,
      [h.values.address, h.values.village].filter((x) => typeof x === 'string' && x !== '').join(', '),
      label(HOTSPOT_CATEGORY, h.values.category),
      label(HOTSPOT_STATUS, h.values.status),
    ]);
    blocks.push({ kind: 'paragraph', text: 'Danh sách điểm, tụ điểm (tài liệu mật):' });
    blocks.push(table(['STT', 'Xã, phường', 'Địa chỉ', 'Loại', 'Tình trạng'], [7, 20, 39, 17, 17], numbered(rows)));
  }
  return blocks;
}

function modelSiteBlocks(ws: Workspace, period: Period, names: ReadonlyMap<string, string>): { blocks: ReportBlock[]; active: number } {
  const sites = listModelSiteRows(ws, period.id, false).filter((m) => {
    const started = m.values.establishment_date;
    return m.values.status !== 'GIAI_THE' && (typeof started !== 'string' || started <= period.endDate);
  });
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '4. Mô hình phòng, chống ma túy' },
    { kind: 'paragraph', text: `Trên địa bàn có ${count(sites.length)} mô hình đang duy trì.` },
  ];
  if (sites.length > 0) {
    const rows = sites.map((m) => [String(m.values.name ?? ''), m.hostUnitName || (names.get(String(m.values.host_unit_code)) ?? ''), label(MODEL_TYPE, m.values.model_type), label(MODEL_STATUS, m.values.status)]);
    blocks.push(table(['STT', 'Tên mô hình', 'Đơn vị thực hiện', 'Loại', 'Tình trạng'], [7, 35, 22, 21, 15], numbered(rows)));
  }
  return { blocks, active: sites.length };
}

function valueText(value: number | null, unit: IndicatorResult['unit']): string {
  if (value === null) return '—';
  if (unit === 'COUNT') return count(value);
  if (unit === 'PCT_CHANGE') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${percentText(Math.abs(value))}`;
  return percentText(value);
}

const metText = (isMet: boolean | null): string => (isMet === null ? '—' : isMet ? 'Đạt' : 'Chưa đạt');

function indicatorBlocks(indicators: readonly IndicatorResult[], period: Period): ReportBlock[] {
  const rows = indicators.map((i, n) => [String(n + 1), i.name, i.targetText, valueText(i.current.value, i.unit), valueText(i.previous.value, i.unit), metText(i.isMet)]);
  const bars: ReportChartBar[] = indicators.filter((i) => i.unit === 'PCT').map((i) => ({ code: i.code, label: i.name, current: i.current.value, previous: i.previous.value, target: i.targetMin }));
  return [
    { kind: 'heading', text: '5. Kết quả thực hiện các chỉ tiêu' },
    table(['STT', 'Chỉ tiêu', 'Chỉ tiêu giai đoạn', 'Kết quả kỳ này', 'Kỳ trước', 'Đánh giá'], [7, 39, 16, 13, 12, 13], rows),
    { kind: 'chart', title: `Biểu đồ các chỉ tiêu tỷ lệ, ${periodLabel(period, 'vi')} so với kỳ trước`, currentLabel: 'Kỳ này', previousLabel: 'Kỳ trước', targetLabel: 'Chỉ tiêu', bars },
  ];
}

/** The whole report for the office and period; `isHotspotListIncluded` adds the addresses and the "MẬT" mark. */
export function buildReportModel(ws: Workspace, periodId: string, isHotspotListIncluded: boolean): ReportModel {
  const period = requirePeriod(periodId);
  const office = requireOfficeDetails(ws);
  const settings = readReportSettings(ws, office, periodId);
  const { total, lines } = communeLines(ws, periodId);
  const hotspots = listHotspotRows(ws, periodId, false);
  const names = new Map(lines.map((l) => [l.code, l.name]));
  const models = modelSiteBlocks(ws, period, names);
  const indicators = listIndicators(ws, periodId, null).indicators;
  const label = periodLabel(period, 'vi');
  const situation = settings.situation === '' ? ['(Đơn vị bổ sung nhận định tình hình trong kỳ.)'] : settings.situation.split(/\n+/u);
  const body: ReportBlock[] = [
    { kind: 'paragraph', text: `Thực hiện chế độ báo cáo định kỳ, ${sentenceCase(settings.issuer)} ${inText(office.name)} báo cáo kết quả công tác phòng, chống ma túy ${label} (từ ngày ${textDate(period.startDate)} đến ngày ${textDate(period.endDate)}) như sau:` },
    { kind: 'heading', text: 'I. TÌNH HÌNH' },
    ...situation.map((text): ReportBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: 'II. KẾT QUẢ' },
    ...communeBlocks(total, lines),
    ...drugFreeBlocks(lines),
    ...hotspotBlocks(hotspots, isHotspotListIncluded),
    ...models.blocks,
    ...indicatorBlocks(indicators, period),
  ];
  return {
    periodId,
    office: { code: office.code, name: office.name },
    settings,
    secrecy: isHotspotListIncluded ? SECRET_MARK : null,
    header: { superiorBody: settings.superiorBody, issuer: settings.issuer, numberLine: numberLine(settings.number, settings.symbol), motto: MOTTO, slogan: SLOGAN, dateLine: dateLine(settings.place, settings.date) },
    title: REPORT_TITLE,
    summary: `Kết quả công tác phòng, chống ma túy ${label}`,
    body,
    recipients: [...settings.recipients, archiveLine(settings.archive)],
    signature: { lines: signatureLines(settings), name: settings.signerName },
    figures: {
      communes: total,
      communesEntered: lines.length,
      drugFree: lines.filter((l) => l.cls === 'KHONG_MA_TUY').length,
      keyCommunes: lines.filter((l) => l.cls !== null && KEY_CLASSES.includes(l.cls)).length,
      hotspots: hotspots.summary,
      modelSites: models.active,
    },
  };
}
