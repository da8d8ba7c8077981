import { createHash } from 'node:crypto';
import { reportingMembers } from '../../domain/agency-report';
import { isBefore, londonDateOf } from '../../domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError, said } from '../../domain/errors';
import { type FiledDocument, MAX_ATTACHMENTS, checkAttachment } from '../../domain/filed-document';
import { can } from '../../domain/permissions';
import { ukDate } from '../../domain/uk-date';
import { type Caller, authorise } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import type { AuditLog, CoreGroupRepository, FiledDocumentRepository, MeetingRepository } from '../ports/store.port';
import { type ReviewReportsDeps, reportsDueIn } from '../agency-reports/review-reports';

export interface FilingDeps extends ReviewReportsDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'membersOfEach' | 'listMemberships'>;
  readonly meetings: Pick<MeetingRepository, 'reviewConferences' | 'loadCaseTimeline' | 'loadCaseTimelines' | 'findById'>;
  readonly filedDocuments: FiledDocumentRepository;
  readonly auditLog: Pick<AuditLog, 'append'>;
}

/** Where an e-mail is filed: an agency's report for a review conference, or a paper for a meeting. */
export type FilingTarget = { readonly kind: 'agency-report'; readonly reviewConferenceId: string; readonly agency: string } | { readonly kind: 'meeting-paper'; readonly meetingId: string };

/** An e-mail as the Outlook add-in read it, with the attachments the member chose. */
export interface Filing {
  /** The message's Internet message id: the same e-mail filed to the same place again adds nothing. */
  readonly messageId: string;
  readonly subject: string;
  readonly sender: string;
  readonly receivedAt: string;
  readonly body: string;
  readonly to: FilingTarget;
  readonly attachments: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/** A case the caller may file to, with where: its next review conference's reports and its next meeting. */
export interface FilingCase {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly review?: { readonly id: string; readonly date: CoreGroup['icpcDate']; readonly reportsDue?: CoreGroup['icpcDate'] | undefined; readonly agencies: readonly string[] } | undefined;
  readonly nextMeeting?: { readonly id: string; readonly date: CoreGroup['icpcDate'] } | undefined;
}

const messageKey = (messageId: string) => createHash('sha256').update(messageId.trim()).digest('hex');

/**
 * Filing e-mails from Outlook (issue 15): a member chooses one of their cases and files a message
 * — its text and its PDF and Word attachments, each checked by its bytes and size — as an agency's
 * written report for the next review conference, or as a paper for the next meeting. A report
 * filed for an agency meets that agency's `agency-report` obligation. The lead social worker and
 * the team manager file for any agency of the group, a professional for their own. Filing the same
 * e-mail to the same place again changes nothing. Every read and write is authorised from the
 * verified caller and audited.
 */
export function createFiling(deps: FilingDeps) {
  const mayFileFor = (member: CoreGroupMember, members: readonly CoreGroupMember[]) => {
    const agencies = [...new Set(reportingMembers(members).map((candidate) => candidate.agency))];
    return can({ role: member.role }, 'file-any-agency-report') ? agencies : agencies.filter((agency) => agency === member.agency);
  };

  const checkTarget = async (coreGroup: CoreGroup, member: CoreGroupMember, to: FilingTarget) => {
    if (to.kind === 'meeting-paper') {
      const meeting = await deps.meetings.findById(to.meetingId);
      if (!meeting || meeting.coreGroupId !== coreGroup.id) throw new NotFoundError('That meeting does not exist for this core group.', { said: said('serviceRefusals.meetings.notForCoreGroup') });
      if (meeting.status !== 'scheduled' || isBefore(meeting.date, deps.clock.today())) throw new RuleViolationError(`The meeting of ${ukDate(meeting.date)} is not still to come: papers are filed for a meeting before it is held.`, { said: said('serviceRefusals.filing.meetingNotAhead', { on: meeting.date.toString() }) });
      return;
    }
    const review = (await deps.meetings.reviewConferences(coreGroup.id)).find((candidate) => candidate.id === to.reviewConferenceId);
    if (!review) throw new NotFoundError('That review conference does not exist for this core group.', { said: said('serviceRefusals.reviews.notFound') });
    if (review.status !== 'scheduled') throw new RuleViolationError(`The review conference of ${ukDate(review.date)} is ${review.status === 'held' ? 'over' : 'cancelled'}: reports for it can no longer be filed.`, { said: said(review.status === 'held' ? 'serviceRefusals.filing.reviewOver' : 'serviceRefusals.filing.reviewCancelled', { on: review.date.toString() }) });
    const members = await deps.coreGroups.members(coreGroup.id);
    const reporting = new Set(reportingMembers(members).map((candidate) => candidate.agency));
    if (!reporting.has(to.agency)) throw new RuleViolationError(`No member of this core group reports for “${to.agency}”. Choose one of: ${[...reporting].join(', ')}.`, { said: said('serviceRefusals.filing.agencyNotReporting', { agency: to.agency, agencies: [...reporting].join(', ') }) });
    if (!mayFileFor(member, members).includes(to.agency)) throw new ForbiddenError(`You file reports for your own agency (${member.agency}) only; the lead social worker files other agencies’ reports.`, { said: said('serviceRefusals.filing.ownAgencyOnly', { agency: member.agency }) });
  };

  const documentTo = async (caller: Caller, coreGroupId: string, documentId: string) => {
    const access = await authorise(deps, { caller, coreGroupId, action: 'view-case', targetId: documentId });
    const document = await deps.filedDocuments.findById(documentId);
    if (!document || document.coreGroupId !== coreGroupId) throw new NotFoundError('That filed e-mail does not exist for this core group.', { said: said('serviceRefusals.filing.documentNotFound') });
    const standing = { role: access.member.role };
    const allowed = document.filedByMemberId === access.member.id || (document.kind === 'agency-report' ? can(standing, 'view-agency-reports') : can(standing, 'view-minutes-draft'));
    if (!allowed) throw new ForbiddenError(document.kind === 'agency-report' ? 'Agencies’ reports are read by the lead social worker, the team manager and the conference chair.' : 'Papers for a meeting are read by the professionals in the core group.', { said: said(document.kind === 'agency-report' ? 'serviceRefusals.filing.reportsReadBy' : 'serviceRefusals.filing.papersReadBy') });
    return document;
  };

  const filerName = async (coreGroupId: string, document: FiledDocument) => (await deps.coreGroups.members(coreGroupId)).find((member) => member.id === document.filedByMemberId)?.displayName;

  return {
    /**
     * The caller's cases they may file to, by case reference: their members and timelines read once
     * for all of them (the timeline holds the meetings and review conferences), each authorised.
     */
    async cases(caller: Caller): Promise<FilingCase[]> {
      const today = deps.clock.today();
      const memberships = (await deps.coreGroups.listMemberships(caller.tenantId, caller.aadObjectId)).filter(({ member, coreGroup }) => member.active && !coreGroup.planEndedOn && can({ role: member.role }, 'file-email'));
      const ids = memberships.map(({ coreGroup }) => coreGroup.id);
      const [timelines, membersOf] = await Promise.all([deps.meetings.loadCaseTimelines(memberships.map(({ coreGroup }) => coreGroup)), deps.coreGroups.membersOfEach(ids)]);
      const found: FilingCase[] = [];
      for (const known of memberships) {
        const { coreGroup, member } = await authorise(deps, { caller, coreGroupId: known.coreGroup.id, action: 'file-email', known });
        const timeline = timelines.get(coreGroup.id)!;
        const toCome = <T extends { date: CoreGroup['icpcDate']; status: string }>(entries: readonly T[]) =>
          entries.filter((entry) => entry.status === 'scheduled' && !isBefore(entry.date, today)).sort((a, b) => a.date.toString().localeCompare(b.date.toString()))[0];
        const review = toCome(timeline.reviewConferences);
        const meeting = toCome(timeline.meetings);
        found.push({
          coreGroupId: coreGroup.id,
          caseReference: coreGroup.caseReference,
          review: review && { id: review.id, date: review.date, reportsDue: reportsDueIn(deps, coreGroup, timeline, review.id), agencies: mayFileFor(member, membersOf.get(coreGroup.id) ?? []) },
          nextMeeting: meeting && { id: meeting.id, date: meeting.date },
        });
      }
      return found.sort((a, b) => a.caseReference.localeCompare(b.caseReference));
    },

    /** Files an e-mail; the same e-mail to the same place again answers 'unchanged' with what was filed first. */
    async file(caller: Caller, coreGroupId: string, filing: Filing): Promise<{ outcome: 'changed' | 'unchanged'; document: FiledDocument; filedBy: string | undefined }> {
      const target = filing.to.kind === 'agency-report' ? filing.to.reviewConferenceId : filing.to.meetingId;
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'file-email', targetId: target });
      if (coreGroup.planEndedOn) throw new RuleViolationError(`The plan here ended on ${ukDate(coreGroup.planEndedOn)}: nothing more is filed to it.`, { said: said('serviceRefusals.filing.planEnded', { on: coreGroup.planEndedOn.toString() }) });
      await checkTarget(coreGroup, member, filing.to);
      if (filing.attachments.length > MAX_ATTACHMENTS) throw new RuleViolationError(`Choose at most ${MAX_ATTACHMENTS} attachments to file with one e-mail.`, { said: said('serviceRefusals.filing.tooManyAttachments', { max: MAX_ATTACHMENTS }) });
      const checked = filing.attachments.map((attachment) => checkAttachment(attachment.name, attachment.bytes));
      const agency = filing.to.kind === 'agency-report' ? filing.to.agency : undefined;
      const id = uuidFromKey(`filed-document:${coreGroupId}:${filing.to.kind}:${target}:${agency ?? ''}:${messageKey(filing.messageId)}`);
      const filedAt = deps.clock.nowIso();
      const document: FiledDocument = {
        id,
        coreGroupId,
        kind: filing.to.kind,
        reviewConferenceId: filing.to.kind === 'agency-report' ? filing.to.reviewConferenceId : undefined,
        meetingId: filing.to.kind === 'meeting-paper' ? filing.to.meetingId : undefined,
        agency,
        filedByMemberId: member.id,
        subject: filing.subject.trim() || '(no subject)',
        sender: filing.sender.trim(),
        receivedAt: filing.receivedAt,
        body: filing.body,
        filedAt,
        attachments: checked.map((attachment, position) => ({ id: uuidFromKey(`${id}:attachment:${position}`), ...attachment })),
      };
      const outcome = await deps.filedDocuments.file(document, filing.attachments.map((attachment) => attachment.bytes), londonDateOf(filedAt));
      if (outcome === 'changed') return { outcome, document, filedBy: member.displayName };
      const first = (await deps.filedDocuments.findById(id))!;
      return { outcome, document: first, filedBy: await filerName(coreGroupId, first) };
    },

    /** One filed e-mail: read by who filed it, and by those who read reports (an agency's report) or the professionals (a meeting paper). */
    async read(caller: Caller, coreGroupId: string, documentId: string): Promise<{ document: FiledDocument; filedBy: string | undefined }> {
      const document = await documentTo(caller, coreGroupId, documentId);
      return { document, filedBy: await filerName(coreGroupId, document) };
    },

    /** The papers filed for one meeting, for the professionals of its group (who read the draft minutes), first filed first. */
    async papers(caller: Caller, meetingId: string): Promise<{ coreGroupId: string; papers: { document: FiledDocument; filedBy: string | undefined }[] }> {
      const meeting = await deps.meetings.findById(meetingId);
      if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.', { said: said('serviceRefusals.meetings.notFound') });
      await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'view-minutes-draft', targetId: meetingId });
      const [filed, members] = await Promise.all([deps.filedDocuments.listByMeeting(meetingId), deps.coreGroups.members(meeting.coreGroupId)]);
      return { coreGroupId: meeting.coreGroupId, papers: filed.map((document) => ({ document, filedBy: members.find((member) => member.id === document.filedByMemberId)?.displayName })) };
    },

    /** One attachment of a filed e-mail, to those who may read the e-mail. */
    async attachment(caller: Caller, coreGroupId: string, documentId: string, attachmentId: string) {
      const document = await documentTo(caller, coreGroupId, documentId);
      const attachment = document.attachments.find((candidate) => candidate.id === attachmentId);
      const bytes = attachment && (await deps.filedDocuments.content(document.id, attachment.id));
      if (!attachment || !bytes) throw new NotFoundError('That attachment does not exist on this filed e-mail.', { said: said('serviceRefusals.filing.attachmentNotFound') });
      return { attachment, bytes };
    },
  };
}

export type FilingService = ReturnType<typeof createFiling>;
