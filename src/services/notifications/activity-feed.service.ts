import { ACTIVITY_FEED_JOB, type ActivityFeedJob } from '../../contracts/jobs.contract';
import { activityOf } from '../../domain/activity-feed';
import { oneLineUserText } from '../../domain/display-text';
import { uuidFromKey } from '../deterministic-id';
import type { Language } from '../../i18n/language';
import { wordsIn } from '../../i18n/words';
import type { Clock } from '../ports/clock.port';
import { DeliveryError } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue } from '../ports/store.port';
import type { Teamwork } from '../ports/teamwork.port';
import type { NoticeAddress } from './notice-policy';

/** Teams shows the first 150 characters of a preview, and Graph takes no more. */
const PREVIEW_LIMIT = 150;

/** Attempts at one feed item: Graph busy or down is tried again; a refusal for good is not worth more. */
const FEED_ATTEMPTS = 5;

/** A Teams deep link to one of the app's personal tabs (`conversations` is the chat with the bot). */
function personalTabLink(teamsAppId: string, entityId: 'conversations' | 'dashboard'): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${entityId}`;
}

const preview = (text: string) => (text.length > PREVIEW_LIMIT ? `${text.slice(0, PREVIEW_LIMIT - 1)}…` : text);

/**
 * Queues the activity-feed item a notice also makes (`activityOf`), once the notice has reached the
 * person's 1:1 chat: its preview is the notice's own (never the child's name), and it keeps the
 * notice's language for its topic. One item a notice (`noticeId`), however often its job ran.
 * Nothing when the feed is not wired (`feedJobs`).
 */
export async function queueActivity(deps: { feedJobs?: Pick<JobQueue, 'enqueue'> | undefined; clock: Pick<Clock, 'nowIso'> }, request: { to: NoticeAddress; previewText: string; noticeId: string; language: Language }): Promise<void> {
  const { to } = request;
  const activity = activityOf(to.kind);
  if (!deps.feedJobs || !activity || !to.member.aadObjectId) return;
  const at = deps.clock.nowIso();
  const key = `activity-feed:${request.noticeId}`;
  const payload: ActivityFeedJob = {
    tenantId: to.tenantId,
    coreGroupId: to.coreGroupId,
    aadObjectId: to.member.aadObjectId,
    activityType: activity.activityType,
    previewText: preview(request.previewText),
    destination: activity.destination,
    language: request.language,
  };
  await deps.feedJobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: ACTIVITY_FEED_JOB, payload, runAt: at, maxAttempts: FEED_ATTEMPTS, idempotencyKey: key, at });
}

/**
 * Posts one queued item to the person's Teams activity feed: the activity type the manifest
 * declares, the case named by its reference (read now) in the notice's language, a deep link to the
 * chat with the bot (where the card to answer is) or to the dashboard. Someone the app is no longer
 * installed for is not tried again: the notice reached them in the chat already.
 */
export function createActivityFeed(deps: { teamwork: Pick<Teamwork, 'sendActivity'>; coreGroups: Pick<CoreGroupRepository, 'findById'>; teamsAppId: string }) {
  return {
    async post(job: ActivityFeedJob): Promise<void> {
      const coreGroup = await deps.coreGroups.findById(job.coreGroupId);
      if (!coreGroup) return;
      const caseReference = oneLineUserText(coreGroup.caseReference).trim();
      try {
        await deps.teamwork.sendActivity({
          userId: job.aadObjectId,
          activityType: job.activityType,
          previewText: job.previewText,
          topic: { text: wordsIn(job.language ?? 'en').t('caseCard.case', { caseReference }), webUrl: personalTabLink(deps.teamsAppId, job.destination === 'bot-chat' ? 'conversations' : 'dashboard') },
          templateParameters: { caseReference },
        });
      } catch (error) {
        if (error instanceof DeliveryError && error.code === 'recipient-unreachable') return;
        throw error;
      }
    },
  };
}

export type ActivityFeed = ReturnType<typeof createActivityFeed>;
