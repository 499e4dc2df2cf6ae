import { defineMessages } from '../../../i18n/messages';

/** Background jobs. */
export const jobsMessages = defineMessages(
  {
    jobs: {
      title: 'Фонови задачи',
      description:
        'Дългата работа (импорт, периодични задачи) върви във фонов режим, за да остане приложението бързо. За всяка задача се виждат напредъкът, опитите и последната грешка.',
      kind: 'Задача',
      status: 'Състояние',
      progress: 'Напредък',
      attempts: 'Опити',
      lastError: 'Последна грешка',
      createdBy: 'Пусната от',
      createdAt: 'Поставена в',
      finishedAt: 'Завършена в',
      system: 'Системата',
      empty: 'Още няма задачи.',
      total_one: 'Една задача',
      total_other: '{{count}} задачи',
      allStatuses: 'Всички състояния',
      progressOf: '{{done}} от {{total}}',
      kinds: {
        auth: { purge: 'Почистване на изтекли сесии' },
        import: 'Импорт от CSV',
        sales: { rendering: 'PDF на издаден документ' },
      },
      statuses: {
        queued: 'Чака',
        running: 'Изпълнява се',
        done: 'Готова',
        failed: 'Неуспешна',
      },
      errors: {
        interrupted: 'Прекъсната: сървърът спря, докато вървеше',
        internal_error: 'Вътрешна грешка',
        has_errors: 'Файлът има грешки',
      },
    },
  },
  {
    jobs: {
      title: 'Background jobs',
      description:
        'Long work (imports, periodic tasks) runs in the background so the app stays quick. Each job shows its progress, attempts and last error.',
      kind: 'Job',
      status: 'Status',
      progress: 'Progress',
      attempts: 'Attempts',
      lastError: 'Last error',
      createdBy: 'Started by',
      createdAt: 'Queued at',
      finishedAt: 'Finished at',
      system: 'System',
      empty: 'No jobs yet.',
      total_one: 'One job',
      total_other: '{{count}} jobs',
      allStatuses: 'All statuses',
      progressOf: '{{done}} of {{total}}',
      kinds: {
        auth: { purge: 'Clean-up of expired sessions' },
        import: 'CSV import',
        sales: { rendering: 'PDF of an issued document' },
      },
      statuses: {
        queued: 'Queued',
        running: 'Running',
        done: 'Done',
        failed: 'Failed',
      },
      errors: {
        interrupted: 'Interrupted: the server stopped while it ran',
        internal_error: 'Internal error',
        has_errors: 'The file has errors',
      },
    },
  },
);
