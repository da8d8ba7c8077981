import type { Cp9Job, PlanDeliveryJob } from '../contracts/jobs.contract';
import type { PlanDelivery } from '../domain/circulation';
import type { Caller } from './authorise';
import { circulatePlan } from './plan-circulation/circulate';
import { cp9MailOf, recordCp9Sent, sendCp9 } from './plan-circulation/cp9';
import { planDeliveryOf, recordPlanDelivery } from './plan-circulation/deliveries';
import { reportPlanNotReceived } from './plan-circulation/not-received';
import type { PlanCirculationDeps } from './plan-circulation/plan-circulation-deps';
import { viewPlanCirculation } from './plan-circulation/view';

export type { PlanCirculationDeps } from './plan-circulation/plan-circulation-deps';
export type { PlanCirculationView } from './plan-circulation/view';

/**
 * The plan's circulation after each core group and the CP9 (seed 001), and a member's word that the
 * plan has not reached them (seed 003): what people ask from the tab, and what the delivery jobs
 * read and record. One use case per file under `plan-circulation/`; this object binds them to
 * their dependencies.
 */
export function createPlanCirculation(deps: PlanCirculationDeps) {
  return {
    view: (caller: Caller, meetingId: string) => viewPlanCirculation(deps, { caller, meetingId }),
    circulate: (caller: Caller, meetingId: string) => circulatePlan(deps, { caller, meetingId }),
    reportNotReceived: (caller: Caller, coreGroupId: string) => reportPlanNotReceived(deps, { caller, coreGroupId }),
    sendCp9: (caller: Caller, meetingId: string) => sendCp9(deps, { caller, meetingId }),
    deliveryOf: (job: PlanDeliveryJob) => planDeliveryOf(deps, job),
    recordOutcome: (job: PlanDeliveryJob, outcome: Pick<PlanDelivery, 'channel' | 'outcome' | 'detail'>) => recordPlanDelivery(deps, job, outcome),
    cp9MailOf: (job: Cp9Job) => cp9MailOf(deps, job),
    recordCp9Sent: (job: Cp9Job) => recordCp9Sent(deps, job),
  };
}

export type PlanCirculation = ReturnType<typeof createPlanCirculation>;
