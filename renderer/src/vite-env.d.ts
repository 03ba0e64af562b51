// Vite turns CSS imports into side effects; this tells TypeScript they exist.
declare module '*.css';
