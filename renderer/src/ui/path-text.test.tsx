import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { PathText, pathMessage, pathParts, withPaths } from './path-text';

/** The parts as rendered: the text of each unit that stays whole on a line. */
const renderedParts = (container: HTMLElement) => [...container.querySelectorAll('.path-part')].map((part) => part.textContent);

describe('PathText', () => {
  it('cuts a path after each separator, a leading one staying with the name after it', () => {
    expect(pathParts('C:\\Users\\Empfang\\AppData\\Roaming\\Passwort-Lotse\\logs\\passwort-lotse.log')).toEqual([
      'C:\\',
      'Users\\',
      'Empfang\\',
      'AppData\\',
      'Roaming\\',
      'Passwort-Lotse\\',
      'logs\\',
      'passwort-lotse.log',
    ]);
    expect(pathParts('/tmp/pl-e2e/journal/5a1d.jsonl')).toEqual(['/tmp/', 'pl-e2e/', 'journal/', '5a1d.jsonl']);
    expect(pathParts('\\\\server\\praxis\\lotse')).toEqual(['\\\\server\\', 'praxis\\', 'lotse']);
    expect(pathParts('/daten/')).toEqual(['/daten/']);
    expect(pathParts('datei.json')).toEqual(['datei.json']);
  });

  it('shows the path unchanged, with a line break opportunity after each separator only', () => {
    const path = 'C:\\ProgramData\\Passwort-Lotse\\journal\\5a1d2c3b-4e5f.jsonl';
    const { container } = render(<PathText path={path} />);
    expect(container.textContent).toBe(path);
    expect(renderedParts(container)).toEqual(['C:\\', 'ProgramData\\', 'Passwort-Lotse\\', 'journal\\', '5a1d2c3b-4e5f.jsonl']);
    expect(container.querySelectorAll('wbr')).toHaveLength(4);
  });

  it('keeps the text after the path with its last part', () => {
    const { container } = render(<PathText path="/a/b.log" trail="." />);
    expect(renderedParts(container)).toEqual(['/a/', 'b.log.']);
  });
});

describe('withPaths', () => {
  const translate = (values: Record<string, string>) => `Die Datei ${values['file']} (von ${values['who']}) liegt in ${values['folder']}.`;

  it('puts the named values in as paths, the others as text, and the full stop with the last path', () => {
    const { container } = render(
      <p>{withPaths(translate, { file: 'C:\\daten\\eins.json', who: 'S. Yılmaz', folder: '/srv/lotse' }, ['file', 'folder'])}</p>,
    );
    expect(container.textContent).toBe('Die Datei C:\\daten\\eins.json (von S. Yılmaz) liegt in /srv/lotse.');
    const paths = [...container.querySelectorAll('.path-text')];
    expect(paths.map((path) => path.textContent)).toEqual(['C:\\daten\\eins.json', '/srv/lotse.']);
    expect(renderedParts(container)).toEqual(['C:\\', 'daten\\', 'eins.json', '/srv/', 'lotse.']);
  });

  it('leaves a text without paths as it is', () => {
    const { container } = render(<p>{withPaths(translate, { file: 'a', who: 'b', folder: 'c' }, [])}</p>);
    expect(container.textContent).toBe('Die Datei a (von b) liegt in c.');
    expect(container.querySelector('.path-text')).toBeNull();
  });

  it('a value from a file that holds the place mark stays text and cannot pose as a path', () => {
    // A name in a journal is written by whoever wrote the file: here one made to look like the mark of "file".
    const who = '\uE000file\uE000 \uE000';
    const { container } = render(<p>{withPaths(translate, { file: '/a/b.json', who, folder: '/srv' }, ['file', 'folder'])}</p>);
    expect([...container.querySelectorAll('.path-text')].map((path) => path.textContent)).toEqual(['/a/b.json', '/srv.']);
    expect(container.textContent).toBe('Die Datei /a/b.json (von \uFFFDfile\uFFFD \uFFFD) liegt in /srv.');
  });
});

describe('pathMessage', () => {
  it('looks the key up with the path marked, and shows the path as one that wraps', () => {
    const asked: string[] = [];
    const t = ((key: string, values: Record<string, string>) => {
      asked.push(key);
      return `Gespeichert: ${values['file']}`;
    }) as unknown as TFunction;
    const { container } = render(<p>{pathMessage('exchange.saved', { file: '/srv/lotse/nachweis.pdf' }, ['file'])(t)}</p>);
    expect(asked).toEqual(['exchange.saved']);
    expect(container.textContent).toBe('Gespeichert: /srv/lotse/nachweis.pdf');
    expect(renderedParts(container)).toEqual(['/srv/', 'lotse/', 'nachweis.pdf']);
  });
});
