import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FiledDocumentWire } from '@contracts/filing.contract';
import { saveDownload } from '../api/save-download';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { useShell } from '../shell/shell.context';
import { isolatedUserText } from './display-text';
import { errorTextIn } from './error-text';
import { fileSize, formatInstantIn } from './format';
import { PAGE_STYLES } from './panel.styles';

const useFiledEmailStyles = makeStyles({
  subheading: PAGE_STYLES.subheading,
  meta: PAGE_STYLES.meta,
  list: PAGE_STYLES.list,
  filedEmail: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  emailBody: { margin: '0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxHeight: '24rem', overflowY: 'auto', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

/** Who sent a filed e-mail and when, and who filed it and when (no name: a former member), in the page's language. */
function filedMeta(document: FiledDocumentWire, t: TabTranslate, language: TabLanguage): string {
  const said = { sender: isolatedUserText(document.sender), received: formatInstantIn(language, document.receivedAt), filedAt: formatInstantIn(language, document.filedAt) };
  return document.filedBy === undefined ? t('filedEmail.metaFormer', said) : t('filedEmail.meta', { ...said, filedBy: isolatedUserText(document.filedBy) });
}

/**
 * An e-mail filed from Outlook (an agency's report, a paper for a meeting), read in place: who sent
 * it and when, its text, and its attachments to download. Its frame is in the page's language; what
 * the e-mail says (its subject and text) is in whatever language it was written, so it is marked
 * as of unknown language (`lang=""`) rather than as the page's.
 */
export function FiledEmail(props: { coreGroupId: string; documentId: string; language: TabLanguage; t: TabTranslate }) {
  const styles = useFiledEmailStyles();
  const { api } = useShell();
  const { language, t } = props;
  // A failure keeps its error: the sentence around it follows the page's language.
  const [filed, setFiled] = useState<{ document?: FiledDocumentWire; problem?: unknown }>({});
  const [downloadProblem, setDownloadProblem] = useState<{ name: string; error: unknown } | undefined>();
  const path = `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/filed-documents/${encodeURIComponent(props.documentId)}`;

  useEffect(() => {
    let live = true;
    api.get<FiledDocumentWire>(path).then(
      (document) => live && setFiled({ document }),
      (error: unknown) => live && setFiled({ problem: error }),
    );
    return () => {
      live = false;
    };
  }, [api, path]);

  if (filed.problem) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('filedEmail.failed', { reason: errorTextIn(filed.problem, t) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const { document } = filed;
  if (!document) return <Spinner size="tiny" label={t('filedEmail.opening')} />;
  const download = async (attachment: FiledDocumentWire['attachments'][number]) => {
    setDownloadProblem(undefined);
    try {
      await saveDownload(api, { path: `${path}/attachments/${encodeURIComponent(attachment.id)}`, fallbackName: attachment.name });
    } catch (error) {
      setDownloadProblem({ name: attachment.name, error });
    }
  };
  return (
    <div className={styles.filedEmail}>
      <h3 className={styles.subheading} lang="">
        {isolatedUserText(document.subject)}
      </h3>
      <p className={styles.meta}>
        {filedMeta(document, t, language)}
      </p>
      {document.body.trim() ? (
        <p className={styles.emailBody} lang="">
          {isolatedUserText(document.body)}
        </p>
      ) : (
        <p className={styles.emailBody}>{t('filedEmail.noText')}</p>
      )}
      {document.attachments.length > 0 && (
        <ul className={styles.list} aria-label={t('filedEmail.attachments')}>
          {document.attachments.map((attachment) => (
            <li key={attachment.id}>
              <Button size="small" onClick={() => void download(attachment)}>
                {t(`filedEmail.${attachment.type}`, { name: attachment.name, size: fileSize(attachment.size) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {downloadProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{t('filedEmail.downloadFailed', { name: downloadProblem.name, reason: errorTextIn(downloadProblem.error, t) })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
