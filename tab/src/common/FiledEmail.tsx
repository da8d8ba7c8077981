import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FiledDocumentWire } from '@contracts/filing.contract';
import { saveDownload } from '../api/save-download';
import { useShell } from '../shell/shell.context';
import { isolatedUserText } from './display-text';
import { errorText } from './error-text';
import { fileSize, formatInstant } from './format';
import { PAGE_STYLES } from './panel.styles';

const useFiledEmailStyles = makeStyles({
  subheading: PAGE_STYLES.subheading,
  meta: PAGE_STYLES.meta,
  list: PAGE_STYLES.list,
  filedEmail: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  emailBody: { margin: '0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxHeight: '24rem', overflowY: 'auto', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});


/** An e-mail filed from Outlook (an agency's report, a paper for a meeting), read in place: who sent it and when, its text, and its attachments to download. */
export function FiledEmail(props: { coreGroupId: string; documentId: string }) {
  const styles = useFiledEmailStyles();
  const { api } = useShell();
  const [filed, setFiled] = useState<{ document?: FiledDocumentWire; problem?: string }>({});
  const [downloadProblem, setDownloadProblem] = useState<string | undefined>();
  const path = `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/filed-documents/${encodeURIComponent(props.documentId)}`;

  useEffect(() => {
    let live = true;
    api.get<FiledDocumentWire>(path).then(
      (document) => live && setFiled({ document }),
      (error: unknown) => live && setFiled({ problem: `The e-mail could not be opened: ${errorText(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, path]);

  if (filed.problem) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{filed.problem}</MessageBarBody>
      </MessageBar>
    );
  }
  const { document } = filed;
  if (!document) return <Spinner size="tiny" label="Opening the e-mail…" />;
  const download = async (attachment: FiledDocumentWire['attachments'][number]) => {
    setDownloadProblem(undefined);
    try {
      await saveDownload(api, { path: `${path}/attachments/${encodeURIComponent(attachment.id)}`, fallbackName: attachment.name });
    } catch (error) {
      setDownloadProblem(`“${attachment.name}” could not be downloaded: ${errorText(error)}`);
    }
  };
  return (
    <div className={styles.filedEmail}>
      <h3 className={styles.subheading}>{isolatedUserText(document.subject)}</h3>
      <p className={styles.meta}>
        From {isolatedUserText(document.sender)}, received {formatInstant(document.receivedAt)}; filed by {isolatedUserText(document.filedBy)} {formatInstant(document.filedAt)}
      </p>
      <p className={styles.emailBody}>{document.body.trim() ? isolatedUserText(document.body) : '(The e-mail has no text.)'}</p>
      {document.attachments.length > 0 && (
        <ul className={styles.list} aria-label="Attachments">
          {document.attachments.map((attachment) => (
            <li key={attachment.id}>
              <Button size="small" onClick={() => void download(attachment)}>
                {`${attachment.name} (${attachment.type === 'pdf' ? 'PDF' : 'Word'}, ${fileSize(attachment.size)})`}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {downloadProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{downloadProblem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
