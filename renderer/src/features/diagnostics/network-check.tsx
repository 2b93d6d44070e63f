import { useState } from 'react';
import type { NetworkCheckReport, NetworkProbeResult, ProbeStep } from '@shared/ipc/domains/diagnostics';
import { useT, type Translate } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';

type CopyState = 'idle' | 'copied' | 'failed';

/** The clipboard API first; where the host refuses it (Electron denies every permission), the selection. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    return document.execCommand('copy');
  }
}

function StepCell({ step }: { readonly step: ProbeStep }) {
  const t = useT();
  const status = t(`diagnostics.network.status.${step.status}`);
  return (
    <td className={`probe-${step.status}`}>
      {status}
      {step.ms === undefined ? null : ` ${step.ms} ms`}
      {step.detail ? <div className="probe-detail">{step.detail}</div> : null}
    </td>
  );
}

function ResultRow({ result }: { readonly result: NetworkProbeResult }) {
  const t = useT();
  return (
    <tr className={result.ok ? 'probe-row-ok' : 'probe-row-problem'}>
      <td>{result.orgName}</td>
      <td>{t(`diagnostics.network.kind.${result.kind}`)}</td>
      <td className="probe-target">{result.url ?? result.target}</td>
      <td>{result.proxy}</td>
      <StepCell step={result.dns} />
      <StepCell step={result.tcp} />
      <StepCell step={result.tls} />
      <StepCell step={result.http} />
      <td>{t(result.ok ? 'diagnostics.network.result.ok' : 'diagnostics.network.result.problem')}</td>
    </tr>
  );
}

function ResultsTable({ report, t }: { readonly report: NetworkCheckReport; readonly t: Translate }) {
  const columns = ['org', 'endpoint', 'target', 'proxy', 'dns', 'tcp', 'tls', 'http', 'result'] as const;
  return (
    // Focusable, so keyboard users can scroll a long table.
    <div className="probe-table-wrap" role="region" aria-label={t('diagnostics.network.title')} tabIndex={0}>
      <table className="probe-table" aria-label={t('diagnostics.network.title')}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`diagnostics.network.col.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.results.map((result, index) => (
            <ResultRow key={`${result.orgName}-${result.kind}-${result.target}-${index}`} result={result} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Diagnostics → Network check: run it, read the table, copy the plain-text report for IT. */
export function NetworkCheckPanel() {
  const t = useT();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<NetworkCheckReport>();
  const [error, setError] = useState<string>();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [reportArea, setReportArea] = useState<HTMLTextAreaElement | null>(null);

  async function run() {
    setRunning(true);
    setCopy('idle');
    try {
      const result = await api().diagnostics.networkCheck();
      if (result.ok) {
        setReport(result.value);
        setError(undefined);
      } else setError(errorText(t, result.error));
    } finally {
      setRunning(false);
    }
  }

  async function copyReport() {
    if (!report) return;
    setCopy((await copyText(report.text, reportArea)) ? 'copied' : 'failed');
  }

  const reachable = report?.results.filter((r) => r.ok).length ?? 0;
  return (
    <section className="network-check" aria-labelledby="network-check-title">
      <h3 id="network-check-title">{t('diagnostics.network.title')}</h3>
      <p>{t('diagnostics.network.explain')}</p>
      <div className="log-toolbar">
        <button type="button" onClick={() => void run()} disabled={running}>
          {t('diagnostics.network.run')}
        </button>
        {report ? (
          <button type="button" onClick={() => void copyReport()}>
            {t('diagnostics.network.copy')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {running ? <p aria-busy="true">{t('diagnostics.network.running')}</p> : null}
        {copy === 'copied' ? <p>{t('diagnostics.network.copied')}</p> : null}
        {copy === 'failed' ? <p role="alert">{t('diagnostics.network.copyFailed')}</p> : null}
        {report && !running ? (
          <p>
            {report.results.length === 0
              ? t('diagnostics.network.none')
              : t('diagnostics.network.summary', { ok: reachable, total: report.results.length, ms: report.durationMs })}
          </p>
        ) : null}
      </div>
      {error ? <p role="alert">{t('diagnostics.network.failed', { message: error })}</p> : null}
      {report && report.results.length > 0 ? <ResultsTable report={report} t={t} /> : null}
      {report ? (
        <label className="network-report">
          {t('diagnostics.network.report')}
          <textarea ref={setReportArea} readOnly value={report.text} rows={8} spellCheck={false} />
        </label>
      ) : null}
    </section>
  );
}
