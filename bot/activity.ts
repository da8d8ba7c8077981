import { type Activity, type ConversationReference, type Mention, TeamsInfo, type TurnContext, TurnContext as Turn } from 'botbuilder';
import { Parser } from 'htmlparser2';
import type { Caller } from '../src/services/authorise';

/** The tenant the channel says the activity comes from. */
export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

/**
 * Whether the activity comes from a 1:1 chat with the app. Anything else — a group, meeting or
 * channel chat, or a conversation whose type the channel did not say — is shared: guests and
 * parents may see what is posted there.
 */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

/** The caller from the activity the channel signed: Entra object id and tenant, or nothing. */
export function callerOf(context: TurnContext): Caller | undefined {
  const tenantId = tenantOf(context);
  const aadObjectId = context.activity.from?.aadObjectId;
  return tenantId && aadObjectId ? { tenantId, aadObjectId } : undefined;
}

/**
 * Where the app can reach this conversation later. Without the triggering activity's id, what the
 * app posts later is a new message rather than a reply to it, and the reference is the same on
 * every turn of the conversation.
 */
export function conversationReferenceOf(context: TurnContext): Partial<ConversationReference> {
  const { activityId: _triggeringActivity, ...reference }: Partial<ConversationReference> = Turn.getConversationReference(context.activity);
  return reference;
}

/** The mentions of people in a message, the app's own left out. */
function peopleMentioned(activity: Partial<Activity>): Mention[] {
  return Turn.getMentions(activity).filter((mention) => mention.mentioned?.id && mention.mentioned.id !== activity.recipient?.id);
}

/**
 * The message text as a person typed it. Mentions come out by their entities, with botbuilder's
 * mention removal (the app's own mention, then each person's: who is mentioned is read from the
 * entities, never from the text); then the HTML Teams sends is parsed — markup dropped, entities
 * such as `&nbsp;` and `&amp;` decoded, and a leftover `<at>` without an entity dropped with its
 * text. Plain text (most messages) skips the parser.
 */
export function plainTextOf(activity: Partial<Activity>): string {
  // Mention removal rewrites `text` on the activity it is given: give it a copy.
  const copy: Partial<Activity> = { ...activity, text: activity.text ?? '' };
  if (copy.recipient?.id) Turn.removeRecipientMention(copy as Activity);
  for (const mention of peopleMentioned(copy)) Turn.removeMentionText(copy as Activity, mention.mentioned.id);
  const text = copy.text ?? '';
  return /[<&]/.test(text) ? textOfHtml(text).trim() : text.trim();
}

/** The text of a fragment of HTML: tags become spaces, `<at>` elements go with their text, entities are decoded. */
function textOfHtml(html: string): string {
  let text = '';
  let insideMention = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'at') insideMention += 1;
        else text += ' ';
      },
      onclosetag(name) {
        if (name === 'at') insideMention = Math.max(0, insideMention - 1);
        else text += ' ';
      },
      ontext(chunk) {
        if (insideMention === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  // A non-breaking space (`&nbsp;`, which Teams puts after a mention) is a space to the command parser.
  return text.replace(/\u00a0/g, ' ');
}

/**
 * The Entra object id of the first person mentioned in the message (the app's own mention left
 * out). Teams' mention entity names the person by their Teams id (`29:…`) and may carry no Entra
 * object id; then the conversation's member record is asked for it, over the connector.
 */
export async function firstPersonMentioned(context: TurnContext): Promise<string | undefined> {
  const [mention] = peopleMentioned(context.activity);
  if (!mention) return undefined;
  if (mention.mentioned.aadObjectId) return mention.mentioned.aadObjectId;
  const member = await TeamsInfo.getMember(context, mention.mentioned.id);
  return member.aadObjectId;
}
