import { z } from 'zod';

/**
 * A Bot Framework activity as `POST /api/messages` takes it: every field the bot or botbuilder
 * reads, with its type, so a malformed activity is a 400 at the edge instead of a type error deep
 * in a handler (or a 500 that makes Teams deliver it again, for ever). Everything else passes
 * through. Text fields a handler reads are checked for type only; what they say is judged where
 * they are used (commands, card actions). Teams' own shapes: the Bot Framework activity schema
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object)
 * and Teams' meeting events and Universal Actions.
 */

const channelAccount = z.looseObject({
  id: z.string().max(1024).optional(),
  aadObjectId: z.string().max(128).optional(),
  name: z.string().max(1024).optional(),
  role: z.string().max(64).optional(),
});

/** What botbuilder's Teams handler requires of a meeting's start and end events before it calls the bot. */
const meetingEventValue = (time: 'StartTime' | 'EndTime') =>
  z.looseObject({ Id: z.string(), JoinUrl: z.string(), MeetingType: z.string(), Title: z.string(), [time]: z.string() });

/** Values that are checked by the activity's type and name: Teams' meeting events and Universal Actions. */
const VALUES: Readonly<Record<string, z.ZodType>> = {
  'event application/vnd.microsoft.meetingStart': meetingEventValue('StartTime'),
  'event application/vnd.microsoft.meetingEnd': meetingEventValue('EndTime'),
  'invoke adaptiveCard/action': z.looseObject({ action: z.looseObject({ type: z.string(), verb: z.string().max(64).optional(), id: z.string().max(1024).optional(), data: z.unknown().optional() }) }),
};

export const botActivitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    serviceUrl: z.url(),
    channelId: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    name: z.string().max(256).optional(),
    text: z.string().optional(),
    textFormat: z.string().max(64).optional(),
    replyToId: z.string().max(1024).optional(),
    locale: z.string().max(64).optional(),
    conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional(), isGroup: z.boolean().optional() }),
    from: channelAccount.optional(),
    recipient: channelAccount.optional(),
    membersAdded: z.array(channelAccount).max(1000).optional(),
    membersRemoved: z.array(channelAccount).max(1000).optional(),
    entities: z.array(z.looseObject({ type: z.string().max(256) })).max(100).optional(),
    channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(128) }).optional() }).optional(),
    value: z.unknown().optional(),
  })
  .superRefine((activity, context) => {
    const valueSchema = VALUES[`${activity.type} ${activity.name ?? ''}`];
    if (valueSchema && !valueSchema.safeParse(activity.value).success) context.addIssue({ code: 'custom', path: ['value'], message: `not the value a ${activity.name ?? activity.type} carries` });
  });
export type BotActivity = z.infer<typeof botActivitySchema>;
