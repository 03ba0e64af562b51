// Vite (renderer build, electron-vite, Vitest) turns an import with `?raw` into the file's text as a string.
declare module '*.txt?raw' {
  const text: string;
  export default text;
}
