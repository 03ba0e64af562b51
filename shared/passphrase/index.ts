// The passphrase helper's core (issue 13): pure functions, randomness handed in. See each module's header.
export * from './characters';
export * from './passphrase';
export * from './pin';
export * from './random';
export * from './strength';
export * from './variants';
export * from './windows';
export * from './word-list';
export { germanWordList } from './bundled-word-list';
