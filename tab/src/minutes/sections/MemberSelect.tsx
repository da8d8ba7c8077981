import { Select } from '@fluentui/react-components';
import type { Member } from '@contracts/minutes.contract';
import { isolatedUserText } from '../../common/display-text';
import { useSectionStyles } from './sections.styles';

/** Choose a member of the group, named with their agency; a member who has since left still shows, as "A former member". */
export function MemberSelect(props: { value: string; members: readonly Member[]; placeholder: string; formerMember: string; disabled: boolean; onChange: (memberId: string) => void; selectRef?: (element: HTMLElement | null) => void }) {
  const styles = useSectionStyles();
  const known = props.value === '' || props.members.some((member) => member.id === props.value);
  return (
    <Select ref={props.selectRef} className={styles.select} value={props.value} disabled={props.disabled} onChange={(_event, data) => props.onChange(data.value)}>
      <option value="">{props.placeholder}</option>
      {!known && <option value={props.value}>{props.formerMember}</option>}
      {props.members.map((member) => (
        <option key={member.id} value={member.id}>
          {isolatedUserText(member.name)} ({isolatedUserText(member.agency)})
        </option>
      ))}
    </Select>
  );
}
