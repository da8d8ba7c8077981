import { z } from 'zod';
import { INSTITUTION_KINDS } from '../domain/institution-task';
import { TEXT_LIMITS, requiredText } from './text.contract';
import { civilDateSchema } from './wire-values.contract';

/** The path of the route on one task. */
export const institutionTaskParamsSchema = z.object({ taskId: z.uuid() });

export const institutionKindSchema = z.enum(INSTITUTION_KINDS);

/** `POST /api/core-groups/:coreGroupId/institution-tasks`: a parent, relative or other relevant person in an institution (seed 001). */
export const recordInstitutionTaskRequestSchema = z
  .object({
    /** Who, by their relationship to the child ("father"): a member of the group or not. */
    person: requiredText(TEXT_LIMITS.name),
    kind: institutionKindSchema,
    /** The institution's name, as the letter is addressed. */
    institution: requiredText(TEXT_LIMITS.name),
  })
  .strict();
export type RecordInstitutionTaskRequest = z.infer<typeof recordInstitutionTaskRequestSchema>;

/** `POST /api/institution-tasks/:taskId/letter-sent`: the co-ordinator's letter went on this day. */
export const letterSentRequestSchema = z.object({ on: civilDateSchema }).strict();
export type LetterSentRequest = z.infer<typeof letterSentRequestSchema>;

/** One task: who and where (the page words what to write from them), who does it (no co-ordinator: nobody), and whether the caller marks it done. */
export const institutionTaskSchema = z.object({
  id: z.uuid(),
  coreGroupId: z.uuid(),
  caseReference: z.string(),
  person: z.string(),
  kind: institutionKindSchema,
  institution: z.string(),
  recordedOn: civilDateSchema,
  letterSentOn: civilDateSchema.optional(),
  /** The group's co-ordinators, who do it; empty: nobody is there to do it. */
  coordinators: z.array(z.string()),
  canMarkDone: z.boolean(),
});
export type InstitutionTaskWire = z.infer<typeof institutionTaskSchema>;

/** `GET /api/institution-tasks`: a co-ordinator's tasks still to do; on the groups the caller leads or manages, every task. */
export const institutionTasksResponseSchema = z.object({ tasks: z.array(institutionTaskSchema) });
export type InstitutionTasksResponse = z.infer<typeof institutionTasksResponseSchema>;

/** What recording a person in an institution, or a letter sent, did (`unchanged`: recorded already). */
export const institutionTaskChangeResponseSchema = z.object({ outcome: z.enum(['changed', 'unchanged']), task: institutionTaskSchema });
export type InstitutionTaskChangeResponse = z.infer<typeof institutionTaskChangeResponseSchema>;
