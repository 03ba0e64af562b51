/** Screens in the main navigation. */
export const SCREENS = ['overview', 'tasks', 'protocol', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** Where the app is: a navigation screen, the guide of one task, or the Einrichtung. */
export type Route = { screen: Screen } | { screen: 'task'; taskId: string } | { screen: 'setup' } | { screen: 'incident' };

export type Navigate = (route: Route) => void;
