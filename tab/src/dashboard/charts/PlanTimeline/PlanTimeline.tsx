import { useId } from 'react';
import type { TimelineEntry, TimelineKind } from '@contracts/dashboard.contract';
import { daysBetween, formatDate, formatMonth } from '../../../common/format';
import { seriesColour } from '../chart-palette';
import { useChartStyles } from '../charts.styles';
import { useElementWidth } from '../use-element-width';
import { isolatedUserText } from '../../../common/display-text';

const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 22;
const SIDE = 10;

export const TIMELINE_KINDS: readonly { kind: TimelineKind; label: string }[] = [
  { kind: 'icpc', label: 'Initial child protection conference' },
  { kind: 'core-group', label: 'Core group meeting' },
  { kind: 'review-conference', label: 'Review conference' },
  { kind: 'action-due', label: 'Action due' },
];

function colourOf(kind: TimelineKind): string {
  return seriesColour(Math.max(0, TIMELINE_KINDS.findIndex((entry) => entry.kind === kind)));
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
export default function PlanTimeline(props: { entries: readonly TimelineEntry[]; groups: readonly { id: string; caseReference: string }[]; today: string }) {
  const styles = useChartStyles();
  const captionId = useId();
  const { ref, width } = useElementWidth<HTMLDivElement>(600);
  const caseOf = (id: string) => isolatedUserText(props.groups.find((group) => group.id === id)?.caseReference ?? 'Another core group');

  if (props.entries.length === 0) return <p className={styles.empty}>Nothing on the plans yet.</p>;

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
        {`Plan timeline for ${rows.length} core group${rows.length === 1 ? '' : 's'}, ${formatDate(from)} to ${formatDate(to)}: ${sorted.length} events, ${upcoming} from today on.`}
      </figcaption>
      <div ref={ref} className={styles.frame}>
        <svg className={styles.svg} width={width} height={height} role="img" aria-labelledby={captionId}>
          {(months[0] === undefined || x(`${months[0]}-01`) - SIDE > 60) && (
            <text className={styles.axisText} x={SIDE} y={12}>
              {formatMonth(from.slice(0, 7))}
            </text>
          )}
          {months.map((month, index) => (
            <g key={month}>
              <line className={styles.grid} x1={x(`${month}-01`)} x2={x(`${month}-01`)} y1={AXIS_HEIGHT - 4} y2={height} />
              {index % labelEvery === 0 && x(`${month}-01`) + 52 <= SIDE + plotWidth && (
                <text className={styles.axisText} x={x(`${month}-01`) + 3} y={12}>
                  {formatMonth(month)}
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
                      <title>{`${caseOf(groupId)}: ${isolatedUserText(entry.label)}, ${formatDate(entry.date)}`}</title>
                      <Marker kind={entry.kind} x={x(entry.date)} y={lineY} />
                    </g>
                  ))}
              </g>
            );
          })}
          <line className={styles.today} x1={x(props.today)} x2={x(props.today)} y1={AXIS_HEIGHT - 4} y2={height} />
          <text className={styles.axisText} x={x(props.today) + 3} y={height - 2}>
            Today
          </text>
        </svg>
      </div>
      <ul className={styles.legend} aria-label="Kinds of event">
        {TIMELINE_KINDS.map((entry) => (
          <li key={entry.kind} className={styles.legendItem}>
            <svg width={14} height={14} aria-hidden="true" focusable="false">
              <Marker kind={entry.kind} x={7} y={7} />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      <details className={styles.details}>
        <summary className={styles.summary}>Show the events as a table</summary>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.caption}>Events on the plans, by date</caption>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">Date</th>
                <th className={styles.cell} scope="col">Core group</th>
                <th className={styles.cell} scope="col">Event</th>
                <th className={styles.cell} scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((entry, index) => (
                <tr key={`${entry.coreGroupId}-${entry.date}-${entry.kind}-${index}`}>
                  <td className={styles.cell}>{formatDate(entry.date)}</td>
                  <td className={styles.cell}>{caseOf(entry.coreGroupId)}</td>
                  <td className={styles.cell}>{isolatedUserText(entry.label)}</td>
                  <td className={styles.cell}>{TIMELINE_KINDS.find((kind) => kind.kind === entry.kind)?.label ?? entry.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
