import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanNotReceivedResponse } from '@contracts/plan-circulation.contract';
import type { TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { errorTextIn } from '../../common/error-text';

/** What the member is told once the lead social worker knows. */
function toldText(answer: PlanNotReceivedResponse, t: TabTranslate): string {
  if (answer.outcome === 'unchanged') return t('dashPlanNotReceived.already');
  return answer.resending ? t('dashPlanNotReceived.resending') : t('dashPlanNotReceived.notCirculated');
}

/**
 * "I have not received the plan" (seed 003: members tell the lead social worker when the plan has
 * not arrived after a core group): one press tells the lead social worker, and sends the plan again
 * where it went out. Saying it twice tells nobody twice.
 */
export function PlanNotReceived(props: { t: TabTranslate; coreGroupId: string; caseReference: string; onTold: (note: string) => void }) {
  const { api } = useShell();
  const { t } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const tell = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await api.send<PlanNotReceivedResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/plan/not-received`);
      props.onTold(toldText(answer, t));
    } catch (error) {
      setProblem(errorTextIn(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" disabled={busy} onClick={() => void tell()} aria-label={t('dashPlanNotReceived.buttonFor', { caseReference: props.caseReference })}>
        {t('dashPlanNotReceived.button')}
      </Button>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
