import { ShareToStage } from '../../stage/ShareToStage/ShareToStage';
import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { ChatContribution, ContributionDecisionRequest, MinutesView, SectionName, SectionValues } from '@contracts/minutes.contract';
import { formatDateIn, formatInstantIn } from '../../common/format';
import type { MinutesAutosave } from '../autosave/minutes-autosave';
import type { Names } from '../minutes-sections';
import { MeetingOutcome } from '../MeetingOutcome/MeetingOutcome';
import { MeetingRoles } from '../MeetingRoles/MeetingRoles';
import { FamilyVersion } from '../FamilyVersion/FamilyVersion';
import { PlanCirculation } from '../PlanCirculation/PlanCirculation';
import { SaveStatus } from '../SaveStatus/SaveStatus';
import { MinutesDocument } from '../MinutesDocument/MinutesDocument';
import { ActionUpdatesSection } from '../sections/ActionUpdatesSection';
import { AllAgenciesSection } from '../sections/AllAgenciesSection';
import { AgencyUpdatesSection } from '../sections/AgencyUpdatesSection';
import { AttendanceSection } from '../sections/AttendanceSection';
import { ChildSeenSection } from '../sections/ChildSeenSection';
import { ContributionsSection } from '../sections/ContributionsSection';
import { DecisionsSection } from '../sections/DecisionsSection';
import { DisagreementsSection } from '../sections/DisagreementsSection';
import { NewActionsSection } from '../sections/NewActionsSection';
import { NextMeetingSection } from '../sections/NextMeetingSection';
import { OtherAttendeesSection } from '../sections/OtherAttendeesSection';
import { ReviewRecommendationSection } from '../sections/ReviewRecommendationSection';
import { SectionFrame } from '../sections/SectionFrame';
import { SharingSection } from '../sections/SharingSection';
import { SignsOfSafetySection } from '../sections/SignsOfSafetySection';
import { TextSection } from '../sections/TextSection';
import { WrittenReportsSection } from '../sections/WrittenReportsSection';
import { MeetingPapers } from '../MeetingPapers/MeetingPapers';
import { SignOffBar } from '../SignOffBar/SignOffBar';
import { useMinutesPanelStyles } from './MinutesPanel.styles';
import { isolatedUserText } from '../../common/display-text';
import type { MinutesLanguage } from '../minutes-language';
import { editionText } from '../edition';

/**
 * The minutes of one core group meeting in the order the meeting runs, each section saving on its
 * own as people type. Read-only for members who may not edit, and for signed minutes.
 */
export function MinutesPanel(props: MinutesLanguage & {
  view: MinutesView;
  autosave: MinutesAutosave;
  readOnly: boolean;
  onView: (view: MinutesView) => void;
  onDistributed: () => void;
  onDecideContribution: (contribution: ChatContribution, decision: ContributionDecisionRequest) => Promise<void>;
}) {
  const styles = useMinutesPanelStyles();
  const { view, autosave, readOnly, t, language } = props;
  const lang = { t, language };
  const state = useSyncExternalStore(autosave.subscribe, autosave.getView);
  const { values, statuses } = state;
  const signedByBoth = view.minutes.chairSignOff !== undefined && view.minutes.managerSignOff !== undefined;
  const signedByChairOnly = view.minutes.chairSignOff !== undefined && !signedByBoth;

  const names: Names = {
    member: (id) => isolatedUserText(view.members.find((member) => member.id === id)?.name ?? t('minutes.formerMember')),
    action: (id) => isolatedUserText(view.actions.find((action) => action.id === id)?.what ?? t('minutes.earlierAction')),
  };

  /** The frame and editor props of one section, wired to the autosave. */
  const wire = <S extends SectionName>(section: S) => ({
    frame: { ...lang, section, status: statuses[section], autosave, names, yours: values[section] },
    editor: { ...lang, value: values[section], onChange: (value: SectionValues[S]) => autosave.edit(section, value), readOnly },
  });

  const attendance = wire('attendance');
  const otherAttendees = wire('otherAttendees');
  const allAgencies = wire('allAgenciesPresent');
  const writtenReports = wire('writtenReports');
  const actionUpdates = wire('actionUpdates');
  const agencyUpdates = wire('agencyUpdates');
  const childSeen = wire('childSeen');
  const childsVoice = wire('childsVoice');
  const signsOfSafety = wire('signsOfSafety');
  const decisions = wire('decisions');
  const newActions = wire('newActions');
  const disagreements = wire('disagreements');
  const contingency = wire('contingencyReview');
  const recommendation = wire('reviewRecommendation');
  const nextMeeting = wire('nextMeetingDate');
  const sharing = wire('sharing');

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('minutes.title')}</h1>
        <p className={styles.subtitle}>{t('minutes.subtitle', { caseReference: isolatedUserText(view.meeting.caseReference), date: formatDateIn(language, view.meeting.date), edition: editionText(t, view.edition) })}</p>
        <MeetingRoles {...lang} view={view} canChange={view.you.canAssignRoles === true && view.minutes.chairSignOff === undefined && view.minutes.managerSignOff === undefined} beforeChange={() => autosave.flush()} onView={props.onView} />
        {/* The chair, or whoever runs the meeting, puts the plan in front of everyone. */}
        {(view.you.canSignAsChair || view.you.canAssignRoles) && <ShareToStage meetingId={view.meeting.id} t={t} />}
      </header>
      <div className={styles.statusBar}>
        <SaveStatus {...lang} overall={readOnly ? 'read-only' : state.overall} onRetry={() => autosave.retryNow()} />
        {!readOnly && state.contributions.length > 0 && <Link href="#section-contributions">{t('minutes.chatWaiting', { number: state.contributions.length })}</Link>}
      </div>
      {readOnly && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {signedByBoth ? t('minutes.readOnlySigned') : t('minutes.readOnly')}
          </MessageBarBody>
        </MessageBar>
      )}

      {view.minutes.returned && !signedByBoth && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('minutes.returned', { name: names.member(view.minutes.returned.memberId), at: formatInstantIn(language, view.minutes.returned.at), comments: isolatedUserText(view.minutes.returned.comments) })}</MessageBarBody>
        </MessageBar>
      )}
      {signedByChairOnly && !readOnly && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('minutes.signedByChairOnly')}</MessageBarBody>
        </MessageBar>
      )}

      <MeetingOutcome {...lang} view={view} beforeChange={() => autosave.flush()} onView={props.onView} />
      <SignOffBar {...lang} view={view} autosave={readOnly ? undefined : autosave} onView={props.onView} onDistributed={props.onDistributed} />
      {view.minutes.chairSignOff && view.minutes.managerSignOff && <FamilyVersion {...lang} meetingId={view.meeting.id} />}
      {view.meeting.status === 'held' && <PlanCirculation {...lang} meetingId={view.meeting.id} memberName={names.member} />}
      <MeetingPapers {...lang} meetingId={view.meeting.id} />

      {readOnly ? (
        <MinutesDocument {...lang} values={values} view={view} names={names} />
      ) : (
        <>
          <SectionFrame {...attendance.frame}>
            <AttendanceSection {...attendance.editor} members={view.members} memberName={names.member} />
          </SectionFrame>
          <SectionFrame {...otherAttendees.frame}>
            <OtherAttendeesSection {...otherAttendees.editor} />
          </SectionFrame>
          <SectionFrame {...allAgencies.frame}>
            <AllAgenciesSection {...allAgencies.editor} />
          </SectionFrame>
          <SectionFrame {...writtenReports.frame}>
            <WrittenReportsSection {...writtenReports.editor} members={view.members} />
          </SectionFrame>
          <SectionFrame {...actionUpdates.frame}>
            <ActionUpdatesSection {...actionUpdates.editor} actions={view.actions} memberName={names.member} />
          </SectionFrame>
          <SectionFrame {...agencyUpdates.frame}>
            <AgencyUpdatesSection {...agencyUpdates.editor} agencies={[...new Set(view.members.map((member) => member.agency))]} />
          </SectionFrame>
          <SectionFrame {...childSeen.frame}>
            <ChildSeenSection {...childSeen.editor} />
          </SectionFrame>
          <SectionFrame {...childsVoice.frame}>
            <TextSection {...childsVoice.editor} label={t('minutesSections.childsVoice.label')} hint={t('minutesSections.childsVoice.hint')} />
          </SectionFrame>
          <SectionFrame {...signsOfSafety.frame}>
            <SignsOfSafetySection {...signsOfSafety.editor} attendance={values.attendance} history={view.scalingHistory} memberName={names.member} />
          </SectionFrame>
          <SectionFrame {...decisions.frame}>
            <DecisionsSection {...decisions.editor} />
          </SectionFrame>
          <SectionFrame {...newActions.frame}>
            <NewActionsSection {...newActions.editor} members={view.members} outcomes={view.outcomes} />
          </SectionFrame>
          <SectionFrame {...disagreements.frame}>
            <DisagreementsSection
              {...disagreements.editor}
              signed={view.minutes.chairSignOff !== undefined && view.minutes.managerSignOff !== undefined}
              concerns={view.disagreementConcerns}
              conferenceChairReachable={view.conferenceChairReachable}
            />
          </SectionFrame>
          <SectionFrame {...contingency.frame}>
            <TextSection {...contingency.editor} label={t('minutesSections.contingencyReview.label')} />
          </SectionFrame>
          <SectionFrame {...recommendation.frame}>
            <ReviewRecommendationSection {...recommendation.editor} />
          </SectionFrame>
          <SectionFrame {...nextMeeting.frame}>
            <NextMeetingSection {...nextMeeting.editor} due={view.nextMeetingDue} />
          </SectionFrame>
          <SectionFrame {...sharing.frame}>
            <SharingSection {...sharing.editor} />
          </SectionFrame>
        </>
      )}
      <SectionFrame {...lang} section="contributions" status={undefined} names={names}>
        <ContributionsSection {...lang} contributions={state.contributions} memberName={names.member} canDecide={!readOnly} onDecide={props.onDecideContribution} />
      </SectionFrame>
    </main>
  );
}
