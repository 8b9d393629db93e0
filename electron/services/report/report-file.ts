/** The report as a file in either format, named after the office and period: what the CLI writes and report.file returns. */
import type { ReportFile, ReportFormat, ReportModel } from '../../../shared/api/report-types';
import { requireOffice } from '../office-service';
import type { Workspace } from '../workspace';
import { renderReportDocx } from './report-docx';
import { buildReportModel } from './report-model';
import { renderReportPdf } from './report-pdf';

export type ReportRequest = { periodId: string; format: ReportFormat; isHotspotListIncluded: boolean };

export function renderReport(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  return format === 'docx' ? renderReportDocx(model) : renderReportPdf(model);
}

/** "BaoCao_017_2025-Q2.pdf"; "_MAT" marks a copy that lists hotspot addresses. */
export function reportFileName(officeCode: string, periodId: string, format: ReportFormat, isSecret: boolean): string {
  return `BaoCao_${officeCode}_${periodId}${isSecret ? '_MAT' : ''}.${format}`;
}

export async function reportBytes(ws: Workspace, request: ReportRequest): Promise<{ fileName: string; bytes: Buffer; model: ReportModel }> {
  const model = buildReportModel(ws, request.periodId, request.isHotspotListIncluded);
  const bytes = await renderReport(model, request.format);
  return { fileName: reportFileName(requireOffice(ws).code, request.periodId, request.format, model.secrecy !== null), bytes, model };
}

/** For the contract: bytes as base64, as sheets.exportXlsx returns them. */
export async function reportFile(ws: Workspace, request: ReportRequest): Promise<ReportFile> {
  const { fileName, bytes } = await reportBytes(ws, request);
  return { fileName, bytesBase64: bytes.toString('base64') };
}
