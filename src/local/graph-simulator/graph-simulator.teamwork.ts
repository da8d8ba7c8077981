import { randomUUID } from 'node:crypto';
import { ACTIVITY_TYPES } from '../../domain/activity-feed';
import type { SimulatorState } from './graph-simulator.state';
import { type Handler, error, isResponse, userOr404 } from './graph-simulator.respond';

/** Graph's limit on a notification's preview (Teams shows its first 150 characters; longer is refused). */
const PREVIEW_LIMIT = 150;

const teamsAppIdOf = (body: unknown) => {
  const binding = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
  return typeof binding === 'string' ? /teamsApps\/([^/]+)$/.exec(binding)?.[1] : undefined;
};

/** `POST /users/{id}/teamwork/installedApps`: 201; 409 when installed already; 403 when the organisation's policy blocks the app for them. */
const installAppForUser: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const teamsAppId = teamsAppIdOf(request.body);
  if (!teamsAppId) return error(400, 'BadRequest', 'teamsApp@odata.bind is required');
  if (state.appBlockedFor.has(user.id)) return error(403, 'Forbidden', 'The app is blocked for this user by the organisation’s app permission policy');
  const installed = state.userApps.get(user.id) ?? [];
  if (installed.some((app) => app.teamsAppId === teamsAppId)) return error(409, 'Conflict', 'The app is already installed for this user');
  state.userApps.set(user.id, [...installed, { id: randomUUID(), teamsAppId }]);
  return { status: 201 };
};

type NotificationBody = {
  topic?: { source?: string; value?: string; webUrl?: string };
  activityType?: string;
  previewText?: { content?: string };
  templateParameters?: { name?: string; value?: string }[];
};

/**
 * `POST /users/{id}/teamwork/sendActivityNotification` as Graph checks it: the app must be
 * installed for the user (else 403); the activity type declared in the manifest; a text topic
 * needs its `webUrl`. Recorded in `state.activityFeed`; 204.
 */
const sendActivityNotification: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const body = (request.body ?? {}) as NotificationBody;
  if (!(state.userApps.get(user.id) ?? []).length) return error(403, 'Forbidden', 'The app is not installed for the recipient');
  if (!ACTIVITY_TYPES.includes(body.activityType as never)) return error(400, 'BadRequest', `The activity type ${body.activityType ?? ''} is not declared in the app manifest`);
  const { topic } = body;
  if (!topic?.source || !topic.value || (topic.source === 'text' && !topic.webUrl?.startsWith('https://teams.microsoft.com/l/'))) return error(400, 'BadRequest', 'A text topic needs a value and a Teams deep link as its webUrl');
  const previewText = body.previewText?.content ?? '';
  if (previewText.length > PREVIEW_LIMIT) return error(400, 'BadRequest', `previewText is longer than ${PREVIEW_LIMIT} characters`);
  const templateParameters = (body.templateParameters ?? []).map((parameter) => ({ name: parameter.name ?? '', value: parameter.value ?? '' }));
  state.activityFeed.push({ userId: user.id, activityType: body.activityType!, previewText, topic: { source: topic.source, value: topic.value, webUrl: topic.webUrl }, templateParameters });
  return { status: 204 };
};

/** The teamwork routes: the app installed for a user, and their activity feed. */
export const TEAMWORK_ROUTES: readonly [string, RegExp, Handler][] = [
  ['POST', /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/, installAppForUser],
  ['POST', /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/, sendActivityNotification],
];

export type { SimulatorState };
