import { makeStyles, tokens } from '@fluentui/react-components';
import type { AttendanceEntry, MinutesView, SectionName, SectionValues } from '@contracts/minutes.contract';
import { SECTION_NAMES } from '../../api/api.constants';
import { ATTENDANCE_LABELS } from '../../common/labels';
import { isolatedUserText } from '../../common/display-text';
import { type Names, SECTION_TITLES, describeSection } from '../minutes-sections';
import { escalationText } from '../sections/DisagreementsSection';

const useStyles = makeStyles({
  document: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: '0' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: '0' },
  heading: { margin: '0', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: '0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' },
  cell: { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
});

/** Who took part, and how: one row per member. */
function AttendanceTable(props: { entries: readonly AttendanceEntry[]; view: MinutesView; names: Names }) {
  const styles = useStyles();
  const agencyOf = (memberId: string) => props.view.members.find((member) => member.id === memberId)?.agency;
  return (
    <table className={styles.table} aria-label="Attendance">
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            Member
          </th>
          <th scope="col" className={styles.cell}>
            Attendance
          </th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => {
          const agency = agencyOf(entry.memberId);
          return (
            <tr key={entry.memberId}>
              <th scope="row" className={styles.cell}>
                {props.names.member(entry.memberId)}
                {agency ? ` (${isolatedUserText(agency)})` : ''}
              </th>
              <td className={styles.cell}>
                {ATTENDANCE_LABELS[entry.attendance] ?? entry.attendance}
                {entry.attendance === 'representative-sent' && entry.representativeName ? ` (${isolatedUserText(entry.representativeName)})` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The minutes as a document to read — each section of the template as a heading and its text,
 * the attendance as a table — for everyone who may read but not change them: signed minutes, and
 * a draft for members who do not write it. Nothing here is a form control.
 */
export function MinutesDocument(props: { values: SectionValues; view: MinutesView; names: Names }) {
  const styles = useStyles();
  const signed = props.view.minutes.chairSignOff !== undefined && props.view.minutes.managerSignOff !== undefined;
  // What became of each significant disagreement once signed (seed 002), as the editor says it.
  const escalations = signed
    ? props.values.disagreements.flatMap((item, index) => (item.significant ? [`Disagreement ${index + 1}: ${escalationText(props.view.disagreementConcerns[index], props.view.conferenceChairReachable)}`] : []))
    : [];
  const linesOf = <S extends SectionName>(section: S) => [...describeSection(section, props.values[section], props.names), ...(section === 'disagreements' ? escalations : [])];
  const sectionOf = <S extends SectionName>(section: S) => (
    <section key={section} className={styles.section} aria-labelledby={`document-${section}`}>
      <h2 id={`document-${section}`} className={styles.heading}>
        {SECTION_TITLES[section]}
      </h2>
      {section === 'attendance' ? (
        <AttendanceTable entries={props.values.attendance} view={props.view} names={props.names} />
      ) : (
        linesOf(section).map((line, index) => (
          <p key={index} className={styles.text}>
            {line}
          </p>
        ))
      )}
    </section>
  );
  return <article className={styles.document} aria-label="The minutes">{SECTION_NAMES.map(sectionOf)}</article>;
}
