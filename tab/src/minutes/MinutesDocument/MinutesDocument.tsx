import { makeStyles, tokens } from '@fluentui/react-components';
import type { AttendanceEntry, MinutesView, SectionName, SectionValues } from '@contracts/minutes.contract';
import { SECTION_NAMES } from '../../api/api.constants';
import { isolatedUserText } from '../../common/display-text';
import { type Names, describeSection, sectionTitle } from '../minutes-sections';
import type { MinutesLanguage } from '../minutes-language';
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
function AttendanceTable(props: MinutesLanguage & { entries: readonly AttendanceEntry[]; view: MinutesView; names: Names }) {
  const styles = useStyles();
  const { t } = props;
  const agencyOf = (memberId: string) => props.view.members.find((member) => member.id === memberId)?.agency;
  return (
    <table className={styles.table} aria-label={t('minutesSections.title.attendance')}>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            {t('minutesDocument.member')}
          </th>
          <th scope="col" className={styles.cell}>
            {t('minutesDocument.attendance')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => {
          const agency = agencyOf(entry.memberId);
          return (
            <tr key={entry.memberId}>
              <th scope="row" className={styles.cell}>
                {agency ? t('minutesDocument.memberAgency', { name: props.names.member(entry.memberId), agency: isolatedUserText(agency) }) : props.names.member(entry.memberId)}
              </th>
              <td className={styles.cell}>
                {entry.attendance === 'representative-sent' && entry.representativeName
                  ? t('minutesDocument.representative', { attendance: t('minutesLabels.attendance.representative-sent'), representative: isolatedUserText(entry.representativeName) })
                  : t(`minutesLabels.attendance.${entry.attendance}`, { defaultValue: entry.attendance })}
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
export function MinutesDocument(props: MinutesLanguage & { values: SectionValues; view: MinutesView; names: Names }) {
  const styles = useStyles();
  const { t, language } = props;
  const signed = props.view.minutes.chairSignOff !== undefined && props.view.minutes.managerSignOff !== undefined;
  // What became of each significant disagreement once signed (seed 002), as the editor says it.
  const escalations = signed
    ? props.values.disagreements.flatMap((item, index) => (item.significant ? [t('minutesDocument.escalation', { number: index + 1, text: escalationText(props.view.disagreementConcerns[index], props.view.conferenceChairReachable, props) })] : []))
    : [];
  const linesOf = <S extends SectionName>(section: S) => [...describeSection(section, props.values[section], props.names, t, language), ...(section === 'disagreements' ? escalations : [])];
  const sectionOf = <S extends SectionName>(section: S) => (
    <section key={section} className={styles.section} aria-labelledby={`document-${section}`}>
      <h2 id={`document-${section}`} className={styles.heading}>
        {sectionTitle(t, section)}
      </h2>
      {section === 'attendance' ? (
        <AttendanceTable t={t} language={language} entries={props.values.attendance} view={props.view} names={props.names} />
      ) : (
        linesOf(section).map((line, index) => (
          <p key={index} className={styles.text}>
            {line}
          </p>
        ))
      )}
    </section>
  );
  return <article className={styles.document} aria-label={t('minutesDocument.label')}>{SECTION_NAMES.map(sectionOf)}</article>;
}
