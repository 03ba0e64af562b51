import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../../shared/format/date';
import type { ViewState } from '../../app/view-state';

/** "Was ist passiert?": dates, products, what is known and what is not, from the advisory pack. */
export function IncidentScreen({ snapshot }: { snapshot: ViewState }) {
  const { t } = useTranslation();
  const { advisory } = snapshot;
  const language = snapshot.settings.language;
  return (
    <article aria-labelledby="incident-title" className="screen">
      <h1 id="incident-title" tabIndex={-1}>
        {t('incident.title')}
      </h1>
      {language !== 'de' && <p className="help">{t('incident.germanOnly')}</p>}
      <p className="lead" lang="de">
        {advisory.summary}
      </p>
      <p className="help">{t('incident.issuer', { issuer: advisory.issuer, date: formatDay(advisory.date, language) })}</p>
      <h2>{t('incident.timeline')}</h2>
      <ol className="timeline">
        {advisory.timeline.map((event) => (
          <li key={`${event.date}-${event.text}`}>
            <strong>{formatDay(event.date, language)}</strong> – <span lang="de">{event.text}</span>
          </li>
        ))}
      </ol>
      <h2>{t('incident.known')}</h2>
      <ul>
        {advisory.known.map((line) => (
          <li key={line} lang="de">
            {line}
          </li>
        ))}
      </ul>
      <h2>{t('incident.unknown')}</h2>
      <ul>
        {advisory.unknown.map((line) => (
          <li key={line} lang="de">
            {line}
          </li>
        ))}
      </ul>
      <ul className="sources">
        {advisory.sources.map((line) => (
          <li key={line} lang="de">
            {line}
          </li>
        ))}
      </ul>
    </article>
  );
}
