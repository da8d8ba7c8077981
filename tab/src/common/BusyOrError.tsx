import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';

/** What a panel is doing now (a small spinner with its words), or what went wrong (an error bar). */
export function BusyOrError(props: { busy: string | undefined; error: string | undefined }) {
  return (
    <>
      {props.busy && <Spinner size="tiny" label={props.busy} />}
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
