import { useTranslation } from 'react-i18next';

export function ProtocolScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="protocol-title" className="screen">
      <h1 id="protocol-title" tabIndex={-1}>
        {t('protocol.title')}
      </h1>
    </section>
  );
}
