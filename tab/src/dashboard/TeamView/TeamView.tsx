import {
  Button,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  MessageBar,
  MessageBarBody,
  type TableColumnDefinition,
  createTableColumn,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { TeamCase, TeamResponse } from '@contracts/team.contract';
import { saveDownload } from '../../api/save-download';
import { isolatedUserText } from '../../common/display-text';
import type { TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { errorTextIn } from '../../common/error-text';

type Count = 'overdue' | 'atRisk' | 'dueThisWeek' | 'openConcerns' | 'blockedActions';

const countColumn = (columnId: Count, label: string): TableColumnDefinition<TeamCase> =>
  createTableColumn<TeamCase>({ columnId, compare: (a, b) => a[columnId] - b[columnId], renderHeaderCell: () => label, renderCell: (entry) => entry[columnId] });

/** The team view's columns, headed in the page's language. */
function columnsIn(t: TabTranslate): TableColumnDefinition<TeamCase>[] {
  return [
    createTableColumn<TeamCase>({
      columnId: 'leadSocialWorker',
      compare: (a, b) => (a.leadSocialWorker ?? '').localeCompare(b.leadSocialWorker ?? '') || a.caseReference.localeCompare(b.caseReference),
      renderHeaderCell: () => t('dashTeam.column.leadSocialWorker'),
      renderCell: (entry) => (entry.leadSocialWorker ? isolatedUserText(entry.leadSocialWorker) : t('dashTeam.noneNamed')),
    }),
    createTableColumn<TeamCase>({ columnId: 'caseReference', compare: (a, b) => a.caseReference.localeCompare(b.caseReference), renderHeaderCell: () => t('dashTeam.column.caseReference'), renderCell: (entry) => isolatedUserText(entry.caseReference) }),
    ...(['overdue', 'atRisk', 'dueThisWeek', 'openConcerns', 'blockedActions'] as const).map((count) => countColumn(count, t(`dashTeam.column.${count}`))),
  ];
}

/** Why the team view has nothing to show: it could not be loaded, or its CSV could not be exported (and the reason). */
type Problem = { what: 'loadFailed' | 'exportFailed'; reason: string };

/**
 * The team view for a team manager or conference chair: every core group they oversee, one row
 * each, sortable by any column, with a CSV export. Shows nothing for someone who oversees none.
 */
export function TeamView(props: { t: TabTranslate; classNames: { panel: string; heading: string } }) {
  const { api } = useShell();
  const { t } = props;
  const [cases, setCases] = useState<TeamCase[] | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const columns = useMemo(() => columnsIn(t), [t]);

  useEffect(() => {
    let live = true;
    api.get<TeamResponse>('/api/team').then(
      (team) => live && setCases(team.cases),
      (error: unknown) => live && setProblem({ what: 'loadFailed', reason: errorTextIn(error, t) }),
    );
    return () => {
      live = false;
    };
    // `t` only words a failure: a new language must not load the team again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const exportCsv = async () => {
    setProblem(undefined);
    try {
      await saveDownload(api, { path: '/api/team/export.csv', fallbackName: 'core-groups-team.csv' });
    } catch (error) {
      setProblem({ what: 'exportFailed', reason: errorTextIn(error, t) });
    }
  };

  if (!problem && (!cases || cases.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="team-heading">
      <h2 id="team-heading" className={props.classNames.heading}>
        {t('dashTeam.heading')}
      </h2>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{t(`dashTeam.${problem.what}`, { reason: problem.reason })}</MessageBarBody>
        </MessageBar>
      )}
      {cases && cases.length > 0 && (
        <>
          <div>
            <Button onClick={() => void exportCsv()}>{t('dashTeam.exportCsv')}</Button>
          </div>
          <DataGrid items={cases} columns={columns} sortable getRowId={(entry: TeamCase) => entry.coreGroupId} aria-label={t('dashTeam.heading')}>
            <DataGridHeader>
              <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
            </DataGridHeader>
            <DataGridBody<TeamCase>>
              {({ item, rowId }) => <DataGridRow<TeamCase> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>}
            </DataGridBody>
          </DataGrid>
        </>
      )}
    </section>
  );
}
