import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../api/api.client';
import type { CurrentMeetingResponse } from '@contracts/identity.contract';
import type { FamilyReading } from '@contracts/family-version.contract';
import type { ChatContribution, ContributionDecisionRequest, MinutesSnapshot, MinutesView, VersionConflictBody } from '@contracts/minutes.contract';
import { errorTextIn } from '../../common/error-text';
import { useShell } from '../../shell/shell.context';
import { useTabLanguage } from '../../i18n/use-tab-language';
import { MinutesAutosave, type SaveOutcome, type SaveRequest } from '../autosave/minutes-autosave';
import { incompleteReason } from '../minutes-sections';
import { MinutesPanel } from '../MinutesPanel/MinutesPanel';
import { FamilyReadingPage } from '../FamilyVersion/FamilyReadingPage';
import { useMinutesPageStyles } from './MinutesPage.styles';

/** Others' changes and chat contributions arrive by polling the minutes this often while the tab is visible. */
const REFRESH_MS = 15_000;
const DISTRIBUTION_CHECKS_MS = [1500, 4000, 9000];

type Load = { state: 'loading'; message: 'finding' | 'opening' } | { state: 'failed'; message: string; nothingThere: boolean } | { state: 'ready' } | { state: 'family'; reading: FamilyReading };

interface Session {
  view: MinutesView;
  autosave: MinutesAutosave;
  readOnly: boolean;
}

function isReadOnly(view: MinutesView): boolean {
  // Locked only once both have signed: after the chair alone, a change takes the chair's signature back.
  return !view.you.canEdit || (view.minutes.chairSignOff !== undefined && view.minutes.managerSignOff !== undefined);
}

function hasCurrent(body: unknown): body is Pick<VersionConflictBody, 'current' | 'changedBy'> {
  if (typeof body !== 'object' || body === null || !('current' in body)) return false;
  const current = (body as { current: unknown }).current;
  return typeof current === 'object' && current !== null && typeof (current as MinutesSnapshot).version === 'number' && typeof (current as MinutesSnapshot).content === 'object';
}

/** The autosave's one way out: a PATCH of one section, a 409 turned into both versions. */
function saveSectionWith(api: ApiClient, meetingId: string) {
  return async (request: SaveRequest): Promise<SaveOutcome> => {
    try {
      return { saved: await api.send<MinutesSnapshot>('PATCH', `/api/meetings/${encodeURIComponent(meetingId)}/minutes`, request) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && hasCurrent(error.body)) return { conflict: error.body.current, changedBy: error.body.changedBy };
      throw error;
    }
  };
}

/**
 * The minutes tab: finds the meeting (the meeting chat's in Teams, `?meetingId=`, or the user's
 * next one), opens its minutes with an autosave, and keeps them fresh while the tab is open.
 */
export function MinutesPage() {
  const styles = useMinutesPageStyles();
  const { api, chatId } = useShell();
  const { language, t } = useTabLanguage();
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading', message: 'finding' });
  const [session, setSession] = useState<Session | undefined>();
  // Callbacks given to the panel read the newest session through this, so they never go stale.
  const sessionRef = useRef<Session | undefined>(undefined);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);
  // The autosave says why a section waits in the page's language, whichever it is when it checks.
  const translateRef = useRef(t);
  useEffect(() => {
    translateRef.current = t;
  }, [t]);

  const start = useCallback(
    (view: MinutesView) => {
      const readOnly = isReadOnly(view);
      const autosave = new MinutesAutosave({ snapshot: view.minutes, readOnly, save: saveSectionWith(api, view.meeting.id), validate: (section, value) => incompleteReason(section, value, translateRef.current), describeFailure: (error) => errorTextIn(error, translateRef.current) });
      // Pre-filled with the policy deadline, and saved like any other change so the minutes carry it.
      if (!readOnly && !view.minutes.content.nextMeetingDate && view.nextMeetingDue) autosave.edit('nextMeetingDate', view.nextMeetingDue);
      setSession({ view, autosave, readOnly });
    },
    [api],
  );

  useEffect(() => {
    let live = true;
    const open = async () => {
      try {
        const asked = new URLSearchParams(window.location.search).get('meetingId');
        const query = chatId ? `?chatId=${encodeURIComponent(chatId)}` : '';
        const meetingId = asked ?? (await api.get<CurrentMeetingResponse>(`/api/meetings/current${query}`)).meetingId;
        if (!live) return;
        setLoad({ state: 'loading', message: 'opening' });
        const view = await api.get<MinutesView>(`/api/meetings/${encodeURIComponent(meetingId)}/minutes`).catch(async (refused: unknown) => {
          // A family member or the child never reads the minutes: they read the signed-off family version, when it is shared with them.
          if (!(refused instanceof ApiError && refused.status === 403)) throw refused;
          const reading = await api.get<FamilyReading>(`/api/meetings/${encodeURIComponent(meetingId)}/family-version/reading`).catch(() => Promise.reject(refused));
          if (live) setLoad({ state: 'family', reading });
          return undefined;
        });
        if (!live || !view) return;
        start(view);
        setLoad({ state: 'ready' });
      } catch (error) {
        // 404: no meeting for this chat, or none booked yet — a state to explain, not an error.
        if (live) setLoad({ state: 'failed', message: errorTextIn(error, translateRef.current), nothingThere: error instanceof ApiError && error.status === 404 });
      }
    };
    void open();
    return () => {
      live = false;
    };
  }, [api, chatId, attempt, start]);

  /** Takes a fresh view: a new autosave when editing became possible or impossible, otherwise merged in. */
  const refresh = useCallback(async () => {
    const current = sessionRef.current;
    if (!current) return;
    const fresh = await api.get<MinutesView>(`/api/meetings/${encodeURIComponent(current.view.meeting.id)}/minutes`);
    const now = sessionRef.current;
    if (!now || now.view.meeting.id !== fresh.meeting.id) return;
    if (isReadOnly(fresh) !== now.readOnly || fresh.minutes.id !== now.view.minutes.id) {
      start(fresh);
      return;
    }
    now.autosave.observe(fresh.minutes);
    setSession({ ...now, view: fresh });
  }, [api, start]);

  const autosave = session?.autosave;
  useEffect(() => {
    if (!autosave) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      refresh().catch((error: unknown) => console.debug('refresh skipped', error));
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [autosave, refresh]);

  useEffect(() => {
    if (!autosave) return;
    const online = () => autosave.retryNow();
    const leaving = (event: BeforeUnloadEvent) => {
      if (autosave.getView().overall !== 'saved') event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', leaving);
    };
  }, [autosave]);

  const decideContribution = useCallback(
    async (contribution: ChatContribution, decision: ContributionDecisionRequest) => {
      const current = sessionRef.current;
      if (!current) return;
      // Typing saved first, so the server adds to the newest text and nothing here is overtaken.
      await current.autosave.flush();
      const snapshot = await api.send<MinutesSnapshot>('POST', `/api/meetings/${encodeURIComponent(current.view.meeting.id)}/minutes/contributions/${encodeURIComponent(contribution.id)}`, decision);
      current.autosave.observe(snapshot);
    },
    [api],
  );

  /** Deliveries are sent by jobs within seconds: look again soon, not only at the next refresh. */
  const followDistribution = useCallback(() => {
    for (const delay of DISTRIBUTION_CHECKS_MS) {
      window.setTimeout(() => refresh().catch((error: unknown) => console.debug('refresh after distribution skipped', error)), delay);
    }
  }, [refresh]);

  if (load.state === 'failed') {
    return (
      <main className={styles.failure}>
        <MessageBar intent={load.nothingThere ? 'info' : 'error'}>
          <MessageBarBody>
            <MessageBarTitle>{load.nothingThere ? t('minutes.nothingThere') : t('minutes.failed')}</MessageBarTitle>
            {load.message}
          </MessageBarBody>
        </MessageBar>
        <Button
          onClick={() => {
            setLoad({ state: 'loading', message: 'finding' });
            setAttempt((count) => count + 1);
          }}
        >
          {t('minutes.tryAgain')}
        </Button>
      </main>
    );
  }
  if (load.state === 'family') return <FamilyReadingPage reading={load.reading} t={t} language={language} />;
  if (load.state === 'loading' || !session) {
    return (
      <main className={styles.centred}>
        <Spinner label={load.state === 'loading' && load.message === 'finding' ? t('minutes.finding') : t('minutes.opening')} />
      </main>
    );
  }
  return <MinutesPanel t={t} language={language} view={session.view} autosave={session.autosave} readOnly={session.readOnly} onView={start} onDistributed={followDistribution} onDecideContribution={decideContribution} />;
}
