import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanNotReceivedResponse } from '@contracts/plan-circulation.contract';
import { errorText } from '../../common/error-text';
import { useShell } from '../../shell/shell.context';

/** What the member is told once the lead social worker knows. */
function toldText(answer: PlanNotReceivedResponse): string {
  if (answer.outcome === 'unchanged') return 'You have said so already: the lead social worker knows.';
  return answer.resending ? 'A message to the lead social worker is queued (Teams, or e-mail where Teams cannot reach them), and the plan is being sent to you again.' : 'A message to the lead social worker is queued (Teams, or e-mail where Teams cannot reach them): the plan has not been circulated from the app yet.';
}

/**
 * "I have not received the plan" (seed 003: members tell the lead social worker when the plan has
 * not arrived after a core group): one press tells the lead social worker, and sends the plan again
 * where it went out. Saying it twice tells nobody twice.
 */
export function PlanNotReceived(props: { coreGroupId: string; caseReference: string; onTold: (note: string) => void }) {
  const { api } = useShell();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const tell = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await api.send<PlanNotReceivedResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/plan/not-received`);
      props.onTold(toldText(answer));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" disabled={busy} onClick={() => void tell()} aria-label={`I have not received the plan for ${props.caseReference}`}>
        I have not received the plan
      </Button>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
