import { useEffect, useState } from 'react';
import type { Snapshot } from '../../../shared/state/snapshot';
import { getApi, unwrap } from '../api';

/** The latest snapshot from main: fetched once, then replaced by every `state:changed` push. */
export function useSnapshot(): { snapshot: Snapshot | null; failed: boolean } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const api = getApi();
    const unsubscribe = api.onStateChanged(setSnapshot);
    let active = true;
    api
      .getState()
      .then((result) => {
        if (active) setSnapshot(unwrap(result));
      })
      .catch(() => {
        if (active) setFailed(true);
      });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  return { snapshot, failed };
}
