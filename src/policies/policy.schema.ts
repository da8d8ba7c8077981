import { z } from 'zod';
import { NATIONS } from '../domain/nation';
import { ESCALATION_ROUTE_NAMES } from '../domain/policy';

const source = z.object({ citation: z.string().min(1), verified: z.boolean() }).strict();
const period = z.object({ count: z.number().int().positive(), unit: z.enum(['working-days', 'calendar-days', 'weeks', 'months']) }).strict();
const timed = z.object({ period, source }).strict();
const stepWindows = z.array(z.number().int().positive()).min(1);
const concernResponse = z
  .object({ workingDays: z.object(Object.fromEntries(ESCALATION_ROUTE_NAMES.map((name) => [name, stepWindows])) as Record<(typeof ESCALATION_ROUTE_NAMES)[number], typeof stepWindows>).strict(), source })
  .strict();
const role = z.enum(['lead-social-worker', 'team-manager', 'key-worker', 'nominee', 'lead-social-workers-manager']);

/** A policy profile file (`policies/*.json`), validated before anything uses it. */
export const policyProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id is lower-case words joined by hyphens'),
    name: z.string().min(1),
    welshName: z.string().min(1).optional(),
    nation: z.enum(NATIONS),
    source: z.object({ title: z.string().min(1), url: z.string().url().optional() }).strict(),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    notes: z.array(z.string()),
    rules: z
      .object({
        firstCoreGroup: timed,
        firstCoreGroupAfterTransferIn: timed.optional(),
        frequency: timed,
        frequencyAfterFirstReview: timed.optional(),
        meetingsBeforeFirstReview: z.object({ minimum: z.number().int().min(1), source }).strict().optional(),
        coreGroupAfterReview: timed.optional(),
        planCirculation: timed.optional(),
        minutesCirculation: timed,
        firstReviewConference: timed,
        firstReviewAfterTransferIn: timed.optional(),
        laterReviewConferences: timed,
        cp9ToCoordinator: timed.optional(),
        agencyReportsAtFinalCoreGroup: z.object({ source }).strict().optional(),
        agencyReportsBeforeReview: z.object({ period: period.extend({ unit: z.literal('working-days') }), source }).strict().optional(),
        chair: z.object({ firstMeeting: z.array(role).min(1), laterMeetings: z.array(role).min(1), source }).strict(),
        concernResponse,
      })
      .strict(),
  })
  .strict();
