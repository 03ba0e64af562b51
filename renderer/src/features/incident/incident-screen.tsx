import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { advisoryTexts, fallsBackToGerman } from '../../../../shared/advisory/local-text';
import { formatDay } from '../../../../shared/format/date';
import type { ViewState } from '../../app/view-state';
import type { Route } from '../../app/routes';
import { PackText } from '../guide/pack-text';
import './incident.css';

/** "Was ist passiert?": dates, products, what is known and what is not, from the advisory pack. */
export function IncidentScreen({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate?: (route: Route) => void }) {
  const { t } = useTranslation();
  useTexts('incident');
  const { advisory } = snapshot;
  const language = snapshot.settings.language;
  return (
    <article aria-labelledby="incident-title" className="screen">
      {onNavigate && (
        <button type="button" className="link-button back" onClick={() => onNavigate({ screen: 'overview' })}>
          <span aria-hidden="true">← </span>
          {t('incident.back')}
        </button>
      )}
      <h1 id="incident-title" tabIndex={-1}>
        {t('incident.title')}
      </h1>
      {fallsBackToGerman(advisoryTexts(advisory), language) && <p className="help">{t('incident.germanOnly')}</p>}
      <PackText as="p" className="lead" value={advisory.summary} language={language} />
      <p className="help">{t('incident.issuer', { issuer: advisory.issuer, date: formatDay(advisory.date, language) })}</p>
      <h2>{t('incident.timeline')}</h2>
      <ol className="timeline">
        {advisory.timeline.map((event) => (
          <li key={`${event.date}-${event.text.de}`}>
            <strong>{formatDay(event.date, language)}</strong> – <PackText value={event.text} language={language} />
          </li>
        ))}
      </ol>
      <h2>{t('incident.known')}</h2>
      <ul>
        {advisory.known.map((line) => (
          <PackText key={line.de} as="li" value={line} language={language} />
        ))}
      </ul>
      <h2>{t('incident.unknown')}</h2>
      <ul>
        {advisory.unknown.map((line) => (
          <PackText key={line.de} as="li" value={line} language={language} />
        ))}
      </ul>
      {advisory.sources.length > 0 && (
        <>
          <h2>{t('incident.sources')}</h2>
          <ul className="sources">
            {advisory.sources.map((line) => (
              <PackText key={line.de} as="li" value={line} language={language} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
