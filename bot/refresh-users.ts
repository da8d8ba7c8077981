import type { MeetingEventsService } from '../src/services/meeting-events.service';
import type { ConversationReferenceRepository } from '../src/services/ports/store.port';
import { MAX_REFRESH_USERS } from './cards/agenda.card';

/**
 * The Teams user ids (`29:…`, what a card's refresh list needs) of a meeting's members, from the
 * 1:1 conversations they have had with the bot. Members who never opened one refresh by hand.
 */
export async function refreshUserIds(
  deps: { meetingEvents: Pick<MeetingEventsService, 'attendeeIdentities'>; references: Pick<ConversationReferenceRepository, 'find'> },
  tenantId: string,
  meetingId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const aadObjectId of await deps.meetingEvents.attendeeIdentities(meetingId)) {
    const reference = (await deps.references.find(tenantId, `user:${aadObjectId}`)) as { user?: { id?: string } } | undefined;
    if (reference?.user?.id) ids.push(reference.user.id);
    if (ids.length === MAX_REFRESH_USERS) break;
  }
  return ids;
}
