import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeetingPapersResponse } from '@contracts/filing.contract';
import { ApiError } from '../../api/api.client';
import { isolatedUserText } from '../../common/display-text';
import { errorTextIn } from '../../common/error-text';
import { FiledEmail } from '../../common/FiledEmail';
import { formatInstantIn } from '../../common/format';
import { PAGE_STYLES } from '../../common/panel.styles';
import { useShell } from '../../shell/shell.context';
import type { MinutesLanguage } from '../minutes-language';

const useStyles = makeStyles({
  panel: PAGE_STYLES.panel,
  heading: PAGE_STYLES.heading,
  list: PAGE_STYLES.list,
  item: PAGE_STYLES.item,
  meta: PAGE_STYLES.meta,
  buttons: PAGE_STYLES.buttons,
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/**
 * The papers members filed from Outlook for this meeting (an agency's update e-mailed in, a
 * school's attendance sheet): each to read with its attachments. Shows nothing when there are none.
 */
/** Who sent a paper, who filed it (no name: a former member) and when, and how many attachments it has, in the page's language. */
function paperMeta(paper: MeetingPapersResponse['papers'][number], { t, language }: Pick<MinutesLanguage, 't' | 'language'>): string {
  const sentence = paper.attachments === 0 ? 'meta' : paper.attachments === 1 ? 'metaAttachment' : 'metaAttachments';
  const said = { sender: isolatedUserText(paper.sender), at: formatInstantIn(language, paper.filedAt), number: paper.attachments };
  return paper.filedBy === undefined ? t(`meetingPapers.${sentence}Former`, said) : t(`meetingPapers.${sentence}`, { ...said, filedBy: isolatedUserText(paper.filedBy) });
}

export function MeetingPapers(props: MinutesLanguage & { meetingId: string }) {
  const styles = useStyles();
  const { api } = useShell();
  const { t, language } = props;
  // A failure keeps its reason only: the sentence around it follows the page's language.
  const [answer, setAnswer] = useState<{ papers?: MeetingPapersResponse; problem?: string }>({});
  const [open, setOpen] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    api.get<MeetingPapersResponse>(`/api/meetings/${encodeURIComponent(props.meetingId)}/papers`).then(
      (papers) => live && setAnswer({ papers }),
      // Those who read only the signed minutes (the co-ordinator) are not shown the papers: nothing to say.
      (error: unknown) => live && setAnswer(error instanceof ApiError && error.status === 403 ? {} : { problem: errorTextIn(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, props.meetingId, t]);

  if (answer.problem) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('meetingPapers.failed', { reason: answer.problem })}</MessageBarBody>
      </MessageBar>
    );
  }
  const papers = answer.papers;
  if (!papers || papers.papers.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby="meeting-papers-heading">
      <h2 id="meeting-papers-heading" className={styles.heading}>
        {t('meetingPapers.heading', { number: papers.papers.length })}
      </h2>
      <ul className={styles.list}>
        {papers.papers.map((paper) => (
          <li key={paper.id} className={styles.item}>
            <span className={styles.subject}>{isolatedUserText(paper.subject)}</span>
            <p className={styles.meta}>
              {paperMeta(paper, { t, language })}
            </p>
            <div className={styles.buttons}>
              <Button size="small" onClick={() => setOpen(open === paper.id ? undefined : paper.id)} aria-expanded={open === paper.id}>
                {open === paper.id ? t('meetingPapers.close') : t('meetingPapers.read')}
              </Button>
            </div>
            {open === paper.id && <FiledEmail coreGroupId={papers.coreGroupId} documentId={paper.id} language={language} t={t} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
