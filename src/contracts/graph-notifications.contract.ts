import { z } from 'zod';

/**
 * A Graph change notification batch, as Graph POSTs it to `/api/graph/notifications`
 * (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks). Only the fields the
 * app reads are checked; `resourceData` keeps the rest. The answer is 202 with no body, a 400
 * error body (errors.contract.ts) when the batch does not parse, or the validation token echoed as
 * plain text when Graph validates a new subscription (`?validationToken=…`).
 */
export const changeNotificationsSchema = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().min(1),
        clientState: z.string().optional(),
        changeType: z.string().optional(),
        lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
        resourceData: z.object({ id: z.string().min(1) }).passthrough().optional(),
      }),
    )
    .max(1000),
});
export type ChangeNotifications = z.infer<typeof changeNotificationsSchema>;
