import type { Clock } from './ports/clock.port';
import type { Recipient } from './ports/notifier.port';
import type { ConversationReferenceRepository } from './ports/store.port';

/** How many people's stored references an instance keeps in mind before starting afresh. */
const MAX_REMEMBERED = 10_000;

/** The key a recipient's conversation reference is stored under. */
export function conversationKeyOf(recipient: Recipient): string {
  return recipient.kind === 'person' ? `user:${recipient.aadObjectId}` : `chat:${recipient.chatId}`;
}

/**
 * Where the app can reach people and chats later: the channel's conversation references, kept in
 * the database (never only in process memory, which a restart or a second instance would lose).
 * A reference is opaque here — the bot hands it over and gets it back as it was; this service only
 * decides under which key it lives and when it needs writing.
 */
export function createConversations(deps: { references: Pick<ConversationReferenceRepository, 'upsert' | 'find'>; clock: Pick<Clock, 'nowIso'> }) {
  /** The 1:1 references this instance has written, as written: an unchanged one is not written again. */
  const remembered = new Map<string, string>();

  return {
    /**
     * A person's 1:1 chat with the app, seen on one of their messages. The reference is the same
     * on every turn (the caller leaves out the message's own id), so it is written once; what this
     * instance wrote last is kept, and an unchanged one does not even reach the database.
     */
    async rememberPerson(entry: { tenantId: string; aadObjectId: string; reference: unknown }): Promise<void> {
      const key = conversationKeyOf({ kind: 'person', aadObjectId: entry.aadObjectId });
      const cacheKey = `${entry.tenantId}/${key}`;
      const text = JSON.stringify(entry.reference);
      if (remembered.get(cacheKey) === text) return;
      await deps.references.upsert({ tenantId: entry.tenantId, key, reference: entry.reference, at: deps.clock.nowIso() });
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(cacheKey, text);
    },

    /** A group or meeting chat the app is now in: where the agenda can be posted. */
    async rememberChat(entry: { tenantId: string; chatId: string; reference: unknown }): Promise<void> {
      await deps.references.upsert({ tenantId: entry.tenantId, key: conversationKeyOf({ kind: 'chat', chatId: entry.chatId }), reference: entry.reference, at: deps.clock.nowIso() });
    },

    /** The stored reference for a recipient, as the bot handed it over, or nothing when there is no conversation yet. */
    async find(tenantId: string, recipient: Recipient): Promise<unknown> {
      return deps.references.find(tenantId, conversationKeyOf(recipient));
    },

    /**
     * The channel's user ids (Teams `29:…`) of people who have opened a 1:1 chat with the app, in
     * the order given, at most `limit`. Every Activity-protocol conversation reference names its
     * user as `user.id`; people who never opened a chat are left out.
     */
    async channelUserIds(request: { tenantId: string; aadObjectIds: readonly string[]; limit: number }): Promise<string[]> {
      const ids: string[] = [];
      for (const aadObjectId of request.aadObjectIds) {
        const reference = (await deps.references.find(request.tenantId, conversationKeyOf({ kind: 'person', aadObjectId }))) as { user?: { id?: unknown } } | undefined;
        if (typeof reference?.user?.id === 'string') ids.push(reference.user.id);
        if (ids.length === request.limit) break;
      }
      return ids;
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
