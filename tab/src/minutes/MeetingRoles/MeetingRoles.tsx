import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { MinutesView } from '@contracts/minutes.contract';
import { chairOf, namedButNotAllowed } from './meeting-roles';
import { useMeetingRolesStyles } from './MeetingRoles.styles';
import { isolatedUserText } from '../../common/display-text';

const RolesForm = lazy(() => import('./RolesForm'));

/**
 * Who chairs this meeting and who takes the minutes (they write the minutes, and may not be the
 * same person), with a form to change them for whoever may book meetings.
 */
export function MeetingRoles(props: { view: MinutesView; canChange: boolean; beforeChange: () => Promise<boolean>; onView: (view: MinutesView) => void }) {
  const styles = useMeetingRolesStyles();
  const [changing, setChanging] = useState(false);
  const { view } = props;
  const name = (id: string | undefined) => (id ? isolatedUserText(view.members.find((member) => member.id === id)?.name ?? 'a former member') : undefined);
  const chair = name(chairOf(view));
  const minuteTaker = name(view.meeting.minuteTakerMemberId);
  const notAllowed = namedButNotAllowed(view);
  const flagged = [notAllowed.chair && 'chair', notAllowed.minuteTaker && 'minute-taker'].filter(Boolean).join(' and ');

  return (
    <div className={styles.root}>
      <p className={styles.line}>
        <span>
          Chair: {chair ?? 'not named yet'}
          {chair && !view.meeting.chairMemberId ? ' (lead social worker)' : ''} · Minute-taker: {minuteTaker ?? 'not named yet'}
        </span>
        {props.canChange && !changing && (
          <Button size="small" appearance="transparent" onClick={() => setChanging(true)}>
            Change chair or minute-taker
          </Button>
        )}
      </p>
      {flagged && (
        <MessageBar intent="warning" className={styles.error}>
          <MessageBarBody>
            The {flagged} named for this meeting is family, not a professional. Only a professional can chair a core group or take its minutes, so the role gives them nothing: {props.canChange ? 'name a professional instead.' : 'ask the lead social worker to name a professional.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {changing && (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <RolesForm
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
