import type { ReportBlock, ReportChartBar, ReportModel } from '../../../shared/api/report-types';
import { percentText } from '../../../shared/domain/report/report-text';

type Props = { model: ReportModel; label: string };

function Bar({ bar }: { bar: ReportChartBar }) {
  const width = (v: number | null): string => `${v === null ? 0 : Math.max(0, Math.min(100, v))}%`;
  return (
    <div className="report-chart-row">
      <span className="report-chart-label">{bar.label}</span>
      <span className="report-chart-bars">
        <span className="report-bar is-current" style={{ width: width(bar.current) }} />
        <span className="report-bar is-previous" style={{ width: width(bar.previous) }} />
        {bar.target !== null && <span className="report-bar-target" style={{ left: width(bar.target) }} />}
      </span>
      <span className="report-chart-value">
        {percentText(bar.current)} / {percentText(bar.previous)}
      </span>
    </div>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'heading':
      return <p className="report-heading">{block.text}</p>;
    case 'paragraph':
      return <p className="report-paragraph">{block.text}</p>;
    case 'table': {
      const total = block.table.widths.reduce((a, b) => a + b, 0);
      return (
        <table className="report-table">
          <colgroup>
            {block.table.widths.map((w, i) => (
              <col key={i} style={{ width: `${(100 * w) / total}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'chart':
      return (
        <figure className="report-chart">
          <figcaption>{block.title}</figcaption>
          <p className="report-chart-legend">
            <span className="report-legend is-current" /> {block.currentLabel} <span className="report-legend is-previous" /> {block.previousLabel} <span className="report-legend is-target" /> {block.targetLabel}
          </p>
          {block.bars.map((bar) => (
            <Bar key={bar.code} bar={bar} />
          ))}
        </figure>
      );
  }
}

/**
 * The report model drawn as HTML, the layout of the .docx and the PDF (Decree 30/2020,
 * Appendix I) on an A4-proportioned sheet; the same element is what Print prints.
 */
export function ReportPreview({ model, label }: Props) {
  const h = model.header;
  return (
    <article className="report-page" aria-label={label} data-testid="report-preview">
      <header className="report-header">
        <div className="report-header-left">
          <p>{h.superiorBody}</p>
          <p className="is-bold">{h.issuer}</p>
          <hr className="report-rule is-short" />
          <p>{h.numberLine}</p>
          {model.secrecy !== null && <p className="report-secret">{model.secrecy}</p>}
        </div>
        <div className="report-header-right">
          <p className="is-bold">{h.motto}</p>
          <p className="is-bold is-slogan">{h.slogan}</p>
          <hr className="report-rule is-slogan" />
          <p className="is-italic" data-testid="report-date-line">
            {h.dateLine}
          </p>
        </div>
      </header>
      <h2 className="report-title">{model.title}</h2>
      <p className="report-summary">{model.summary}</p>
      <hr className="report-rule is-summary" />
      {model.body.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      <footer className="report-closing">
        <div className="report-recipients">
          <p className="is-bold is-italic">Nơi nhận:</p>
          {model.recipients.map((r, i) => (
            <p key={i}>- {r}</p>
          ))}
        </div>
        <div className="report-signature">
          {model.signature.lines.map((line) => (
            <p key={line} className="is-bold">
              {line}
            </p>
          ))}
          <p className="report-signature-name is-bold">{model.signature.name}</p>
        </div>
      </footer>
    </article>
  );
}
