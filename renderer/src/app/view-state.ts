import type { PackContent, Snapshot } from '../../../shared/state/snapshot';

/** What the screens render: main's latest snapshot with the guides and advisory text of the pack in force. */
export type ViewState = Snapshot & Pick<PackContent, 'guides' | 'advisory'>;
