import { useTranslation } from 'react-i18next';

export function TasksScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tasks-title" className="screen">
      <h1 id="tasks-title" tabIndex={-1}>
        {t('tasks.title')}
      </h1>
    </section>
  );
}
