import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A page that could not load: what failed, why, and a way to try again. */
export function LoadFailed(props: { className: string; title: string; message: string; onRetry: () => void }) {
  return (
    <main className={props.className}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{props.title}</MessageBarTitle>
          {props.message}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button onClick={props.onRetry}>Try again</Button>
      </div>
    </main>
  );
}
