import { useId } from 'react';
import type { TimelineEntry, TimelineKind } from '@contracts/dashboard.contract';
import { daysBetween, formatDateIn, formatMonthIn } from '../../../common/format';
import { seriesColour } from '../chart-palette';
import { useChartStyles } from '../charts.styles';
import { useElementWidth } from '../use-element-width';
import { isolatedUserText } from '../../../common/display-text';
import type { TabLanguage, TabTranslate } from '../../../i18n/i18n';

const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 22;
const SIDE = 10;

/** The kinds of event, in the legend's order (their names: `dashCharts.timeline.kindName`). */
export const TIMELINE_KINDS: readonly TimelineKind[] = ['icpc', 'core-group', 'review-conference', 'action-due'];

function colourOf(kind: TimelineKind): string {
  return seriesColour(Math.max(0, TIMELINE_KINDS.indexOf(kind)));
}

/** An event's name in the page's language: an action as its owner wrote it; any other event by the catalogue's name for it. */
function eventName(entry: TimelineEntry, t: TabTranslate): string {
  return entry.event === 'action-due' ? isolatedUserText(entry.what ?? '') : t(`dashCharts.timeline.eventName.${entry.event}`);
}

/** A different shape per kind, so the timeline reads without colour. */
function Marker(props: { kind: TimelineKind; x: number; y: number }) {
  const { x, y } = props;
  const style = { fill: colourOf(props.kind) };
  switch (props.kind) {
    case 'icpc':
      return <polygon points={`${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}`} style={style} />;
    case 'review-conference':
      return <rect x={x - 6} y={y - 6} width={12} height={12} style={style} />;
    case 'action-due':
      return <polygon points={`${x},${y - 7} ${x + 7},${y + 6} ${x - 7},${y + 6}`} style={style} />;
    default:
      return <circle cx={x} cy={y} r={6} style={style} />;
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of each month from `from` to `to`, as `YYYY-MM`. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const name = `${year}-${String(month).padStart(2, '0')}`;
    if (`${name}-01` > to) return months;
    months.push(name);
  }
}

/**
 * Each core group's plan on one time line — the ICPC, core group meetings, review conferences and
 * actions falling due — with today marked. An accessible SVG, with the same events as a table.
 */
export default function PlanTimeline(props: { entries: readonly TimelineEntry[]; groups: readonly { id: string; caseReference: string }[]; today: string; t: TabTranslate; language: TabLanguage }) {
  const styles = useChartStyles();
  const captionId = useId();
  const { ref, width } = useElementWidth<HTMLDivElement>(600);
  const { t, language } = props;
  const caseOf = (id: string) => {
    const group = props.groups.find((candidate) => candidate.id === id);
    return group ? isolatedUserText(group.caseReference) : t('dashCharts.timeline.anotherGroup');
  };
  const day = (date: string) => formatDateIn(language, date);
  const monthName = (month: string) => formatMonthIn(language, month);

  if (props.entries.length === 0) return <p className={styles.empty}>{t('dashCharts.timeline.none')}</p>;

  const dates = props.entries.map((entry) => entry.date).sort();
  const from = addDays([dates[0] ?? props.today, props.today].sort()[0] ?? props.today, -14);
  const to = addDays([dates.at(-1) ?? props.today, props.today].sort().at(-1) ?? props.today, 14);
  const span = Math.max(1, daysBetween(from, to));
  const plotWidth = Math.max(60, width - 2 * SIDE);
  const x = (date: string) => SIDE + (daysBetween(from, date) / span) * plotWidth;
  const rows = [...new Set([...props.groups.map((group) => group.id), ...props.entries.map((entry) => entry.coreGroupId)])].filter((id) => props.entries.some((entry) => entry.coreGroupId === id));
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 8;
  const months = monthsBetween(from, to);
  const labelEvery = Math.max(1, Math.ceil((months.length * 60) / plotWidth));
  const sorted = [...props.entries].sort((a, b) => a.date.localeCompare(b.date) || caseOf(a.coreGroupId).localeCompare(caseOf(b.coreGroupId)));
  const upcoming = sorted.filter((entry) => entry.date >= props.today).length;

  return (
    <figure className={styles.figure}>
      <figcaption id={captionId} className={styles.caption}>
        {t('dashCharts.timeline.summary', { count: rows.length, from: day(from), to: day(to), events: sorted.length, upcoming })}
      </figcaption>
      <div ref={ref} className={styles.frame}>
        <svg className={styles.svg} width={width} height={height} role="img" aria-labelledby={captionId}>
          {(months[0] === undefined || x(`${months[0]}-01`) - SIDE > 60) && (
            <text className={styles.axisText} x={SIDE} y={12}>
              {monthName(from.slice(0, 7))}
            </text>
          )}
          {months.map((month, index) => (
            <g key={month}>
              <line className={styles.grid} x1={x(`${month}-01`)} x2={x(`${month}-01`)} y1={AXIS_HEIGHT - 4} y2={height} />
              {index % labelEvery === 0 && x(`${month}-01`) + 52 <= SIDE + plotWidth && (
                <text className={styles.axisText} x={x(`${month}-01`) + 3} y={12}>
                  {monthName(month)}
                </text>
              )}
            </g>
          ))}
          {rows.map((groupId, row) => {
            const top = AXIS_HEIGHT + row * ROW_HEIGHT;
            const lineY = top + 30;
            return (
              <g key={groupId}>
                <text className={styles.labelText} x={SIDE} y={top + 12}>
                  {caseOf(groupId)}
                </text>
                <line className={styles.grid} x1={SIDE} x2={SIDE + plotWidth} y1={lineY} y2={lineY} />
                {props.entries
                  .filter((entry) => entry.coreGroupId === groupId)
                  .map((entry, index) => (
                    <g key={`${entry.date}-${entry.kind}-${index}`}>
                      <title>{t('dashCharts.timeline.event', { caseReference: caseOf(groupId), event: eventName(entry, t), date: day(entry.date) })}</title>
                      <Marker kind={entry.kind} x={x(entry.date)} y={lineY} />
                    </g>
                  ))}
              </g>
            );
          })}
          <line className={styles.today} x1={x(props.today)} x2={x(props.today)} y1={AXIS_HEIGHT - 4} y2={height} />
          <text className={styles.axisText} x={x(props.today) + 3} y={height - 2}>
            {t('dashCharts.timeline.today')}
          </text>
        </svg>
      </div>
      <ul className={styles.legend} aria-label={t('dashCharts.timeline.kinds')}>
        {TIMELINE_KINDS.map((kind) => (
          <li key={kind} className={styles.legendItem}>
            <svg width={14} height={14} aria-hidden="true" focusable="false">
              <Marker kind={kind} x={7} y={7} />
            </svg>
            {t(`dashCharts.timeline.kindName.${kind}`)}
          </li>
        ))}
      </ul>
      <details className={styles.details}>
        <summary className={styles.summary}>{t('dashCharts.timeline.showTable')}</summary>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t('dashCharts.timeline.caption')}</caption>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.timeline.date')}
                </th>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.timeline.coreGroup')}
                </th>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.timeline.eventColumn')}
                </th>
                <th className={styles.cell} scope="col">
                  {t('dashCharts.timeline.kind')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((entry, index) => (
                <tr key={`${entry.coreGroupId}-${entry.date}-${entry.kind}-${index}`}>
                  <td className={styles.cell}>{day(entry.date)}</td>
                  <td className={styles.cell}>{caseOf(entry.coreGroupId)}</td>
                  <td className={styles.cell}>{eventName(entry, t)}</td>
                  <td className={styles.cell}>{t(`dashCharts.timeline.kindName.${entry.kind}`, { defaultValue: entry.kind })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
