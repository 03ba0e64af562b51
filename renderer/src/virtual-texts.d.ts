/** One part of one language's UI texts, cut at build time (scripts/vite-text-parts.ts). */
declare module 'virtual:texts/*' {
  const texts: Record<string, unknown>;
  export default texts;
}
