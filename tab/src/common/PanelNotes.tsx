import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A dashboard panel's two messages: why it could not load or act (an error), and what its last action did (a success). */
export function PanelNotes(props: { problem?: string | undefined; note?: string | undefined }) {
  return (
    <>
      {props.problem && (
        <MessageBar intent="error">
          <MessageBarBody>{props.problem}</MessageBarBody>
        </MessageBar>
      )}
      {props.note && (
        <MessageBar intent="success">
          <MessageBarBody>{props.note}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
