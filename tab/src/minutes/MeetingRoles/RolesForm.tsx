import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { MinutesView, RolesRequest } from '@contracts/minutes.contract';
import { errorTextIn } from '../../common/error-text';
import { useShell } from '../../shell/shell.context';
import { chairOf, namedButNotAllowed } from './meeting-roles';
import { useMeetingRolesStyles } from './MeetingRoles.styles';
import { isolatedUserText } from '../../common/display-text';
import type { MinutesLanguage } from '../minutes-language';

/** Names the chair and the minute-taker of this meeting (`PUT /api/meetings/:id/roles`). Loaded on demand. */
export default function RolesForm(props: MinutesLanguage & { view: MinutesView; beforeChange: () => Promise<boolean>; onDone: (view: MinutesView | undefined) => void }) {
  const styles = useMeetingRolesStyles();
  const { api } = useShell();
  const { view, t } = props;
  const notAllowed = namedButNotAllowed(view);
  const current = (id: string | undefined) => (id && id !== notAllowed.chair && id !== notAllowed.minuteTaker ? id : '');
  const [chair, setChair] = useState(current(chairOf(view)));
  const [minuteTaker, setMinuteTaker] = useState(current(view.meeting.minuteTakerMemberId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    if (!chair || !minuteTaker) return setError(t('meetingRoles.needBoth'));
    if (chair === minuteTaker) return setError(t('meetingRoles.different'));
    setBusy(true);
    setError(undefined);
    try {
      await props.beforeChange();
      props.onDone(await api.send<MinutesView>('PUT', `/api/meetings/${encodeURIComponent(view.meeting.id)}/roles`, { chairMemberId: chair, minuteTakerMemberId: minuteTaker } satisfies RolesRequest));
    } catch (failure) {
      setError(errorTextIn(failure, t));
      setBusy(false);
    }
  };

  // Only professionals chair or take the minutes: the family and the child are never offered.
  const options = view.members.filter((member) => member.mayHoldMeetingRoles).map((member) => (
    <option key={member.id} value={member.id}>
      {isolatedUserText(member.name)} ({isolatedUserText(member.agency)})
    </option>
  ));

  return (
    <form
      className={styles.form}
      aria-label={t('meetingRoles.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field className={styles.field} label={t('meetingRoles.chair')}>
        <Select className={styles.select} value={chair} onChange={(_event, data) => setChair(data.value)}>
          <option value="">{t('meetingRoles.chooseChair')}</option>
          {options}
        </Select>
      </Field>
      <Field className={styles.field} label={t('meetingRoles.minuteTaker')}>
        <Select className={styles.select} value={minuteTaker} onChange={(_event, data) => setMinuteTaker(data.value)}>
          <option value="">{t('meetingRoles.chooseMinuteTaker')}</option>
          {options}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('meetingRoles.save')}
        </Button>
        <Button disabled={busy} onClick={() => props.onDone(undefined)}>
          {t('meetingRoles.cancel')}
        </Button>
      </div>
      {error && (
        <MessageBar className={styles.error} intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
