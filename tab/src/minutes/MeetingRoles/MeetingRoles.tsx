import { Button, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { MinutesView } from '@contracts/minutes.contract';
import { chairOf } from './meeting-roles';
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
