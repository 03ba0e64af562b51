/**
 * German texts, the app's first language. Every user-facing string lives here, keyed by feature.
 *
 * A `_description` entry is a note for translators, never shown.
 */
export const de = {
  app: {
    name: 'Passwort-Lotse',
    tagline: 'Passwörter nach dem medatixx-Cyberangriff sicher ändern',
    skipToContent: 'Zum Inhalt springen',
    loading: 'Passwort-Lotse wird geladen …',
  },
  nav: {
    label: 'Hauptnavigation',
    overview: 'Übersicht',
    tasks: 'Aufgaben',
    protocol: 'Protokoll',
    settings: 'Einstellungen',
  },
  overview: {
    title: 'Übersicht',
    welcome: 'Willkommen bei Passwort-Lotse',
    welcomeForPractice: 'Willkommen, {{practiceName}}',
    intro:
      'Nach dem Cyberangriff auf medatixx im November 2021 sollen Praxen ihre Passwörter ändern. Passwort-Lotse führt Sie Schritt für Schritt durch jede Änderung und hält fest, wer was wann erledigt hat.',
    noPassword:
      'Passwort-Lotse fragt nie nach einem Passwort und speichert keines. Notieren Sie neue Passwörter nur in einem Passwort-Manager oder in einem versiegelten Umschlag.',
    whoIsUsing: 'Angemeldet als: {{userName}}',
    noUserYet: 'Bitte tragen Sie unter „Einstellungen“ Ihren Namen oder Ihr Kürzel ein, damit jeder Eintrag zugeordnet werden kann.',
    toSettings: 'Zu den Einstellungen',
  },
  tasks: {
    title: 'Aufgaben',
  },
  protocol: {
    title: 'Protokoll',
  },
  settings: {
    title: 'Einstellungen',
    practiceName: {
      label: 'Name der Praxis',
      help: 'Erscheint in der Übersicht und später im Nachweis, z. B. „Praxis Dr. Müller“.',
    },
    userName: {
      label: 'Wer nutzt Passwort-Lotse gerade?',
      help: 'Ihr Name oder Ihr Kürzel, z. B. „S. Yilmaz“ oder „SY“. Jeder Eintrag im Protokoll trägt diesen Namen. Bitte kein Passwort eingeben.',
    },
    language: {
      label: 'Sprache',
      de: 'Deutsch',
      en: 'English',
    },
    save: 'Speichern',
    saved: 'Gespeichert.',
    unchanged: 'Keine Änderungen zu speichern.',
    about: {
      title: 'Für Ihren IT-Partner',
      version: 'Version',
      dataDir: 'Datenordner',
      logFile: 'Protokolldatei für den Support',
    },
  },
  notices: {
    storeRecoveredFromBackup:
      'Die gespeicherten Daten waren beschädigt und wurden aus der letzten funktionierenden Sicherung wiederhergestellt. Die beschädigte Datei wurde nicht gelöscht, sondern beiseitegelegt: {{file}}',
    storeRecoveredToDefaults:
      'Die gespeicherten Daten waren beschädigt, und es gab keine funktionierende Sicherung. Passwort-Lotse beginnt deshalb neu. Die beschädigte Datei wurde nicht gelöscht, sondern beiseitegelegt: {{file}}. Ihr IT-Partner kann sie prüfen.',
    dismiss: 'Hinweis schließen',
    label: 'Hinweis',
  },
  errors: {
    'forbidden-sender': 'Diese Anfrage kam nicht aus Passwort-Lotse und wurde abgelehnt.',
    'invalid-arguments': 'Die Eingabe ist ungültig und wurde nicht übernommen.',
    'not-found': 'Der Eintrag wurde nicht gefunden.',
    internal:
      'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut. Falls der Fehler bleibt, senden Sie die Protokolldatei an Ihren IT-Partner.',
  },
  menu: {
    file: 'Datei',
    quit: 'Beenden',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    resetZoom: 'Originalgröße',
    toggleFullScreen: 'Vollbild',
    window: 'Fenster',
    minimize: 'Minimieren',
    close: 'Schließen',
    help: 'Hilfe',
    about: 'Über Passwort-Lotse',
  },
} as const;

/** The shape every language must have: the same keys as German, each a string. */
export type Resources = { [K in keyof typeof de]: Strings<(typeof de)[K]> };
type Strings<T> = T extends string ? string : { [K in keyof T]: Strings<T[K]> };
