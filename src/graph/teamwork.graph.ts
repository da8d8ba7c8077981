import { GraphError } from '@microsoft/microsoft-graph-client';
import { DeliveryError } from '../services/ports/notifier.port';
import type { Teamwork } from '../services/ports/teamwork.port';
import { graphFailure } from './graph-failure';

/** What the Graph calendar adapter shares with this one: its client's requests (with their retry policy) and its concurrency limit. */
export interface GraphRequests {
  readonly api: (path: string) => { post(body: unknown): Promise<unknown> };
  readonly limit: <T>(work: () => Promise<T>) => Promise<T>;
}

const user = (userId: string) => `/users/${encodeURIComponent(userId)}`;
const statusOf = (error: unknown) => (error instanceof GraphError ? error.statusCode : 0);

/** Graph's failure to put an item in someone's feed, as the DeliveryError the notice jobs already handle. */
function feedError(error: unknown): DeliveryError {
  const failure = graphFailure(error, 'post to the activity feed', 'Teams activity feed');
  // 403 and 404: the app is not installed for them (or they are not in the tenant) — another channel must reach them.
  const unreachable = failure.status === 403 || failure.status === 404;
  return new DeliveryError({ ...failure, said: failure.words, code: unreachable ? 'recipient-unreachable' : 'delivery-failed' });
}

/**
 * The `Teamwork` port on Microsoft Graph: `POST /users/{id}/teamwork/installedApps` under
 * `TeamsAppInstallation.ReadWriteSelfForUser.All` (the app can install only itself), and
 * `POST /users/{id}/teamwork/sendActivityNotification` under `TeamsActivity.Send`.
 */
export function graphTeamwork(requests: GraphRequests): Teamwork {
  const { api, limit } = requests;
  return {
    async installAppForUser(userId, teamsAppId) {
      try {
        await limit(() => api(`${user(userId)}/teamwork/installedApps`).post({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}` }));
        return 'installed';
      } catch (error) {
        if (statusOf(error) === 409) return 'already-installed';
        // The organisation's app permission policy blocks the app for them, or the person cannot have apps installed here.
        if (statusOf(error) === 403 || statusOf(error) === 404) return 'not-allowed';
        const failure = graphFailure(error, 'install Core Group for a member', 'Teams');
        throw new DeliveryError({ ...failure, said: failure.words, code: 'delivery-failed' });
      }
    },

    async sendActivity(notification) {
      try {
        await limit(() =>
          api(`${user(notification.userId)}/teamwork/sendActivityNotification`).post({
            topic: { source: 'text', value: notification.topic.text, webUrl: notification.topic.webUrl },
            activityType: notification.activityType,
            previewText: { content: notification.previewText },
            templateParameters: Object.entries(notification.templateParameters).map(([name, value]) => ({ name, value })),
          }),
        );
      } catch (error) {
        throw feedError(error);
      }
    },
  };
}
