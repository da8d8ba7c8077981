import { mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import type { ComplianceEntry } from '@contracts/dashboard.contract';
import { formatMonthIn } from '../../../common/format';
import type { TabLanguage, TabTranslate } from '../../../i18n/i18n';
import { obligationIn } from '../../dashboard-words';
import { seriesColour } from '../chart-palette';
import { useChartStyles } from '../charts.styles';
import { useElementWidth } from '../use-element-width';
import { complianceByMonth, percent } from './compliance-data';

const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 40 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Share of statutory obligations met on time, month by month, each bar stacked by kind of
 * obligation. An SVG drawn with Fluent tokens, described for screen readers, with the numbers in
 * a table below.
 */
export default function ComplianceChart(props: { entries: readonly ComplianceEntry[]; t: TabTranslate; language: TabLanguage }) {
  const styles = useChartStyles();
  const { t, language } = props;
  const monthName = (month: string) => formatMonthIn(language, month);
  const captionId = useId();
  const { ref, width } = useElementWidth<HTMLDivElement>(600);
  const { kinds, months } = complianceByMonth(props.entries);

  if (months.length === 0) return <p className={styles.empty}>{t('dashCharts.compliance.none')}</p>;

  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / months.length;
  const barWidth = Math.max(4, Math.min(40, band * 0.7));
  const labelEvery = Math.max(1, Math.ceil(58 / band));
  const y = (share: number) => MARGIN.top + plotHeight * (1 - share);
  const latest = months.at(-1);
  const summary = latest
    ? t('dashCharts.compliance.summary', { from: monthName(months[0]?.month ?? latest.month), to: monthName(latest.month), latest: monthName(latest.month), met: latest.met, total: latest.met + latest.late, percent: percent(latest.met, latest.met + latest.late) })
    : '';

  return (
    <figure className={styles.figure}>
      <figcaption id={captionId} className={styles.caption}>
        {summary}
      </figcaption>
      <div ref={ref} className={styles.frame}>
        <svg className={styles.svg} width={width} height={HEIGHT} role="img" aria-labelledby={captionId}>
          {TICKS.map((tick) => (
            <g key={tick}>
              <line className={styles.grid} x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} />
              <text className={styles.axisText} x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                {Math.round(tick * 100)}%
              </text>
            </g>
          ))}
          {months.map((month, index) => {
            const total = month.met + month.late;
            const x = MARGIN.left + band * index + (band - barWidth) / 2;
            let stacked = 0;
            return (
              <g key={month.month}>
                <title>{t('dashCharts.compliance.bar', { month: monthName(month.month), met: month.met, total, percent: percent(month.met, total) })}</title>
                {kinds.map((kind, kindIndex) => {
                  const share = total === 0 ? 0 : (month.metByKind[kindIndex] ?? 0) / total;
                  if (share === 0) return null;
                  const top = y(stacked + share);
                  stacked += share;
                  return <rect key={kind} x={x} y={top} width={barWidth} height={plotHeight * share} style={{ fill: seriesColour(kindIndex) }} />;
                })}
                {index % labelEvery === 0 && (
                  <text className={styles.axisText} x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle">
                    {monthName(month.month)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className={styles.legend} aria-label={t('dashCharts.compliance.kinds')}>
        {kinds.map((kind, index) => (
          <li key={kind} className={styles.legendItem}>
            <span className={styles.swatch} style={{ backgroundColor: seriesColour(index) }} aria-hidden="true" />
            {obligationIn(t, kind)}
          </li>
        ))}
      </ul>
      <details className={styles.details}>
        <summary className={styles.summary}>{t('dashCharts.compliance.showTable')}</summary>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t('dashCharts.compliance.caption')}</caption>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.compliance.month')}
                </th>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.compliance.kind')}
                </th>
                <th className={mergeClasses(styles.cell, styles.numeric)} scope="col">
                  {t('dashCharts.compliance.onTime')}
                </th>
                <th className={mergeClasses(styles.cell, styles.numeric)} scope="col">
                  {t('dashCharts.compliance.late')}
                </th>
                <th className={mergeClasses(styles.cell, styles.numeric)} scope="col">
                  {t('dashCharts.compliance.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.flatMap((month) => [
                ...kinds.flatMap((kind, index) => {
                  const met = month.metByKind[index] ?? 0;
                  const late = month.lateByKind[index] ?? 0;
                  if (met + late === 0) return [];
                  return [
                    <tr key={`${month.month}-${kind}`}>
                      <td className={styles.cell}>{monthName(month.month)}</td>
                      <td className={styles.cell}>{obligationIn(t, kind)}</td>
                      <td className={mergeClasses(styles.cell, styles.numeric)}>{met}</td>
                      <td className={mergeClasses(styles.cell, styles.numeric)}>{late}</td>
                      <td className={mergeClasses(styles.cell, styles.numeric)}>{percent(met, met + late)}</td>
                    </tr>,
                  ];
                }),
                <tr key={`${month.month}-all`}>
                  <th className={styles.cell} scope="row">
                    {monthName(month.month)}
                  </th>
                  <th className={styles.cell} scope="row">
                    {t('dashCharts.compliance.all')}
                  </th>
                  <td className={mergeClasses(styles.cell, styles.numeric)}>{month.met}</td>
                  <td className={mergeClasses(styles.cell, styles.numeric)}>{month.late}</td>
                  <td className={mergeClasses(styles.cell, styles.numeric)}>{percent(month.met, month.met + month.late)}</td>
                </tr>,
              ])}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
