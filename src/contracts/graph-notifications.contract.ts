import { z } from 'zod';
import { clientId } from './text.contract';

/**
 * A Graph change notification batch, as Graph POSTs it to `/api/graph/notifications`
 * (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks). Only the fields the
 * app reads are checked; `resourceData` keeps the rest. The answer is 202 with no body, a 400
 * error body (errors.contract.ts) when the batch does not parse, or the validation token echoed as
 * plain text when Graph validates a new subscription (`?validationToken=…`). Anyone can POST
 * here, so the ids that reach a query are storable text (`clientId`: a NUL would be a 500 on
 * PostgreSQL), with room for Graph's long event ids.
 */
export const changeNotificationsSchema = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: clientId(200),
        clientState: clientId(1000).optional(),
        changeType: z.string().optional(),
        lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
        resourceData: z.object({ id: clientId(1000) }).passthrough().optional(),
      }),
    )
    .max(1000),
});
export type ChangeNotifications = z.infer<typeof changeNotificationsSchema>;
