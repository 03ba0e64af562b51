import { useEffect, useMemo, useRef, useState } from 'react';
import type { PackContent, Snapshot } from '../../../shared/state/snapshot';
import type { ViewState } from '../app/view-state';
import { getApi, unwrap } from '../api';
import { keepUnchanged } from './keep-unchanged';

/**
 * The latest state from main: the snapshot, fetched once and replaced by every `state:changed` push, with the
 * pack's guides and advisory text, fetched again only when the pack in force changes. A part of the snapshot that a
 * push did not change keeps its object, so the screens' memoized work (e.g. the Übersicht's summary) is not redone.
 *
 * `guidesNeeded` says whether the screen shown needs the guides now. If not (the Übersicht), they are fetched once
 * the page is idle after its first screen, so their 200 KB do not compete with it; a screen that needs them
 * fetches them at once (or takes the fetch already under way).
 */
export function useSnapshot(
  initial?: Snapshot,
  guidesNeeded: (state: Snapshot) => boolean = () => true,
): { state: Snapshot | null; snapshot: ViewState | null; failed: boolean } {
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
  const needed = snapshot ? guidesNeeded(snapshot) : false;
  /** The fetch of one revision's guides: started once, whether at once or when idle. */
  const fetching = useRef<{ revision: string; result: Promise<PackContent> } | null>(null);
  useEffect(() => {
    if (revision === null) return;
    let active = true;
    const fetchGuides = () => {
      if (fetching.current?.revision !== revision) {
        // Asked (again): no failure is shown while the answer is on its way.
        setFailed(false);
        fetching.current = { revision, result: getApi().getAdvisory().then(unwrap) };
      }
      const current = fetching.current;
      current.result.then(
        (content) => {
          if (!active) return;
          setPack(content);
          setFailed(false);
        },
        () => {
          // Not kept: the next screen that needs the guides asks again.
          if (fetching.current === current) fetching.current = null;
          if (active) setFailed(true);
        },
      );
    };
    if (needed || fetching.current?.revision === revision) {
      fetchGuides();
      return () => {
        active = false;
      };
    }
    const cancel = whenIdle(fetchGuides);
    return () => {
      active = false;
      cancel();
    };
  }, [revision, needed]);

  // While a new pack's guides are on their way, the screens keep showing the previous ones (no flash, no remount).
  // `state` is there at once (the Übersicht needs nothing else); `snapshot` once the guides have arrived too.
  // `failed`: the state, or the guides a screen needs, could not be fetched.
  const view = useMemo(() => (snapshot && pack ? { ...snapshot, guides: pack.guides, advisory: pack.advisory } : null), [snapshot, pack]);
  return { state: snapshot, snapshot: view, failed };
}

/** Run `task` once the page is idle (at the latest after two seconds); returns its cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function' && typeof cancelIdleCallback === 'function') {
    const cancelIdle = cancelIdleCallback;
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdle(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}
