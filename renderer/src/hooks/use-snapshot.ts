import { useEffect, useMemo, useState } from 'react';
import type { PackContent, Snapshot } from '../../../shared/state/snapshot';
import type { ViewState } from '../app/view-state';
import { getApi, unwrap } from '../api';
import { keepUnchanged } from './keep-unchanged';

/**
 * The latest state from main: the snapshot, fetched once and replaced by every `state:changed` push, with the
 * pack's guides and advisory text, fetched again only when the pack in force changes. A part of the snapshot that a
 * push did not change keeps its object, so the screens' memoized work (e.g. the Übersicht's summary) is not redone.
 */
export function useSnapshot(initial?: Snapshot): { state: Snapshot | null; snapshot: ViewState | null; failed: boolean } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(initial ?? null);
  const [pack, setPack] = useState<PackContent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const api = getApi();
    const unsubscribe = api.onStateChanged((next) => setSnapshot((previous) => keepUnchanged(previous, next)));
    let active = true;
    // The first snapshot came with the start (main.tsx); pushes keep it current from here.
    if (initial) return unsubscribe;
    api
      .getState()
      .then((result) => {
        if (active) {
          const next = unwrap(result);
          setSnapshot((previous) => keepUnchanged(previous, next));
        }
      })
      .catch(() => {
        if (active) setFailed(true);
      });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [initial]);

  const revision = snapshot ? `${snapshot.pack.id}:${snapshot.pack.revision}:${snapshot.pack.source}` : null;
  useEffect(() => {
    if (revision === null) return;
    let active = true;
    getApi()
      .getAdvisory()
      .then((result) => {
        if (active) setPack(unwrap(result));
      })
      .catch(() => {
        if (active) setFailed(true);
      });
    return () => {
      active = false;
    };
  }, [revision]);

  // While a new pack's guides are on their way, the screens keep showing the previous ones (no flash, no remount).
  // `state` is there at once (the Übersicht needs nothing else); `snapshot` once the guides have arrived too.
  const view = useMemo(() => (snapshot && pack ? { ...snapshot, guides: pack.guides, advisory: pack.advisory } : null), [snapshot, pack]);
  return { state: snapshot, snapshot: view, failed };
}
