import type { Resources } from './de';

/** English texts, complete as the second language. */
export const en: Resources = {
  app: {
    name: 'Passwort-Lotse',
    tagline: 'Change passwords safely after the medatixx cyberattack',
    skipToContent: 'Skip to content',
    loading: 'Loading Passwort-Lotse …',
  },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    tasks: 'Tasks',
    protocol: 'Log',
    settings: 'Settings',
  },
  overview: {
    title: 'Overview',
    welcome: 'Welcome to Passwort-Lotse',
    welcomeForPractice: 'Welcome, {{practiceName}}',
    intro:
      'After the cyberattack on medatixx in November 2021, practices are asked to change their passwords. Passwort-Lotse guides you through every change step by step and records who did what and when.',
    noPassword:
      'Passwort-Lotse never asks for a password and never stores one. Keep new passwords only in a password manager or in a sealed envelope.',
    whoIsUsing: 'Signed in as: {{userName}}',
    noUserYet: 'Please enter your name or initials under “Settings” so that every entry can be attributed.',
    toSettings: 'Go to settings',
  },
  tasks: {
    title: 'Tasks',
  },
  protocol: {
    title: 'Log',
  },
  settings: {
    title: 'Settings',
    practiceName: {
      label: 'Practice name',
      help: 'Shown in the overview and later in the record, e.g. “Praxis Dr. Müller”.',
    },
    userName: {
      label: 'Who is using Passwort-Lotse right now?',
      help: 'Your name or initials, e.g. “S. Yilmaz” or “SY”. Every log entry carries this name. Please do not enter a password.',
    },
    language: {
      label: 'Language',
      de: 'Deutsch',
      en: 'English',
    },
    save: 'Save',
    saved: 'Saved.',
    unchanged: 'No changes to save.',
    about: {
      title: 'For your IT partner',
      version: 'Version',
      dataDir: 'Data folder',
      logFile: 'Log file for support',
    },
  },
  notices: {
    storeRecoveredFromBackup:
      'The saved data was damaged and has been restored from the last working backup. The damaged file was not deleted but set aside: {{file}}',
    storeRecoveredToDefaults:
      'The saved data was damaged and there was no working backup, so Passwort-Lotse starts afresh. The damaged file was not deleted but set aside: {{file}}. Your IT partner can examine it.',
    dismiss: 'Close notice',
    label: 'Notice',
  },
  errors: {
    'forbidden-sender': 'This request did not come from Passwort-Lotse and was refused.',
    'invalid-arguments': 'The input is not valid and was not saved.',
    'not-found': 'The entry was not found.',
    internal: 'Something went wrong. Please try again. If the error persists, send the log file to your IT partner.',
  },
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    toggleFullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
    help: 'Help',
    about: 'About Passwort-Lotse',
  },
};
