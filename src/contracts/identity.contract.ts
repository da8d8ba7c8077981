import { z } from 'zod';
import { clientId } from './text.contract';
import { memberRoleSchema } from './wire-values.contract';

/** `GET /api/me`: who the verified token says the caller is (`name` is null when the token carries none), and the language they chose for Core Group, if they chose one (the tab follows it over the host's locale). */
export const meResponseSchema = z.object({ tenantId: z.string().min(1), aadObjectId: z.string().min(1), name: z.string().nullable(), language: z.enum(['en', 'cy']).optional() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** `GET /api/meetings/current?chatId=…`: the meeting of a Teams meeting chat; without `chatId`, the caller's next (or latest) meeting. */
export const currentMeetingQuerySchema = z.object({ chatId: clientId(300).optional() });
export type CurrentMeetingQuery = z.infer<typeof currentMeetingQuerySchema>;

export const currentMeetingResponseSchema = z.object({ meetingId: z.uuid() });
export type CurrentMeetingResponse = z.infer<typeof currentMeetingResponseSchema>;

// Local mode only (loopback): the dev sign-in that stands in for Teams SSO.

/** One of the demo people offered by `GET /api/dev/users`. */
export const devUserSchema = z.object({ aadObjectId: z.uuid(), name: z.string(), role: memberRoleSchema, agency: z.string() });
export type DevUser = z.infer<typeof devUserSchema>;

export const devUsersResponseSchema = z.object({ users: z.array(devUserSchema) });
export type DevUsersResponse = z.infer<typeof devUsersResponseSchema>;

/** `POST /api/dev/sign-in`: the demo person chosen; answers a token the tab sends as `Bearer`. */
export const devSignInRequestSchema = z.object({ aadObjectId: z.uuid() });
export type DevSignInRequest = z.infer<typeof devSignInRequestSchema>;

export const devSignInResponseSchema = z.object({ token: z.string().min(1) });
export type DevSignInResponse = z.infer<typeof devSignInResponseSchema>;
