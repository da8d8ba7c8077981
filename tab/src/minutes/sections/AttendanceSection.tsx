import { Field, Input, Select } from '@fluentui/react-components';
import type { Attendance, AttendanceEntry, Member } from '@contracts/minutes.contract';
import { ATTENDANCE_CHOICES } from '../../api/api.constants';
import { words } from '../../common/format';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

/**
 * How each member took part: present, apologies, a representative (named), a written report, or
 * absent. Members not yet recorded show as such; entries for people no longer in the group stay.
 */
export function AttendanceSection(props: SectionEditorProps<'attendance'> & { members: readonly Member[]; memberName: (id: string) => string }) {
  const styles = useSectionStyles();
  const { t } = props;
  const entries = new Map(props.value.map((entry) => [entry.memberId, entry]));
  const people = [
    ...props.members.map((member) => ({ id: member.id, name: isolatedUserText(member.name), detail: t('minutesSections.attendance.detail', { role: t(`minutesLabels.role.${member.role}`, { defaultValue: words(member.role) }), agency: isolatedUserText(member.agency) }) })),
    ...props.value.filter((entry) => !props.members.some((member) => member.id === entry.memberId)).map((entry) => ({ id: entry.memberId, name: props.memberName(entry.memberId), detail: t('minutesSections.attendance.left') })),
  ];

  const change = (memberId: string, update: Partial<AttendanceEntry>) => {
    const current: AttendanceEntry = entries.get(memberId) ?? { memberId, attendance: 'invited' };
    const next: AttendanceEntry = { ...current, ...update };
    const tidy: AttendanceEntry = next.attendance === 'representative-sent' ? next : { memberId: next.memberId, attendance: next.attendance };
    props.onChange(entries.has(memberId) ? props.value.map((entry) => (entry.memberId === memberId ? tidy : entry)) : [...props.value, tidy]);
  };

  return (
    <ul className={styles.list}>
      {people.map((person) => {
        const entry = entries.get(person.id);
        const attendance: Attendance = entry?.attendance ?? 'invited';
        return (
          <li key={person.id} className={styles.row}>
            <Field className={styles.grow} label={person.name} hint={person.detail}>
              <Select className={styles.select} value={attendance} disabled={props.readOnly} onChange={(_event, data) => change(person.id, { attendance: data.value as Attendance })}>
                {attendance === 'invited' && <option value="invited">{t('minutesLabels.attendance.invited')}</option>}
                {ATTENDANCE_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`minutesLabels.attendance.${choice}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {attendance === 'representative-sent' && (
              <Field className={styles.grow} label={t('minutesSections.attendance.representative', { name: person.name })}>
                <Input value={entry?.representativeName ?? ''} readOnly={props.readOnly} maxLength={200} onChange={(_event, data) => change(person.id, { representativeName: data.value })} />
              </Field>
            )}
          </li>
        );
      })}
    </ul>
  );
}
