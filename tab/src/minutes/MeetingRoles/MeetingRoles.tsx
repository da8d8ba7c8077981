import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { MinutesView } from '@contracts/minutes.contract';
import { chairOf, namedButNotAllowed } from './meeting-roles';
import { useMeetingRolesStyles } from './MeetingRoles.styles';
import { isolatedUserText } from '../../common/display-text';
import type { MinutesLanguage } from '../minutes-language';

const RolesForm = lazy(() => import('./RolesForm'));

/**
 * Who chairs this meeting and who takes the minutes (they write the minutes, and may not be the
 * same person), with a form to change them for whoever may book meetings.
 */
export function MeetingRoles(props: MinutesLanguage & { view: MinutesView; canChange: boolean; beforeChange: () => Promise<boolean>; onView: (view: MinutesView) => void }) {
  const styles = useMeetingRolesStyles();
  const [changing, setChanging] = useState(false);
  const { view, t } = props;
  const name = (id: string | undefined) => (id ? isolatedUserText(view.members.find((member) => member.id === id)?.name ?? t('minutes.formerMemberLower')) : undefined);
  const chair = name(chairOf(view));
  const minuteTaker = name(view.meeting.minuteTakerMemberId);
  const notAllowed = namedButNotAllowed(view);
  const flagged = notAllowed.chair && notAllowed.minuteTaker ? 'both' : notAllowed.chair ? 'chair' : notAllowed.minuteTaker ? 'minuteTaker' : undefined;

  return (
    <div className={styles.root}>
      <p className={styles.line}>
        <span>
          {t('meetingRoles.line', {
            chair: chair === undefined ? t('meetingRoles.notNamed') : view.meeting.chairMemberId ? chair : t('meetingRoles.chairIsLead', { name: chair }),
            minuteTaker: minuteTaker ?? t('meetingRoles.notNamed'),
          })}
        </span>
        {props.canChange && !changing && (
          <Button size="small" appearance="transparent" onClick={() => setChanging(true)}>
            {t('meetingRoles.change')}
          </Button>
        )}
      </p>
      {flagged && (
        <MessageBar intent="warning" className={styles.error}>
          <MessageBarBody>{t(`meetingRoles.notAllowed.${flagged}`, { remedy: props.canChange ? t('meetingRoles.nameProfessional') : t('meetingRoles.askLead') })}</MessageBarBody>
        </MessageBar>
      )}
      {changing && (
        <Suspense fallback={<Spinner size="tiny" label={t('minutes.loading')} />}>
          <RolesForm
            t={t}
            language={props.language}
            view={view}
            beforeChange={props.beforeChange}
            onDone={(next) => {
              setChanging(false);
              if (next) props.onView(next);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
