import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProfile } from '../../../shared/domain/profile';
import { createFakeApi } from '../test/fake-api';
import { keepUnchanged, sameData } from './keep-unchanged';
import { useSnapshot } from './use-snapshot';

describe('keepUnchanged', () => {
  it('keeps the previous object of every part that did not change, and the previous whole when none did', () => {
    const previous = { settings: { language: 'de' }, tasks: [{ id: 'a', checkedSteps: ['s1'] }], count: 1 };
    const sameAgain = structuredClone(previous);
    expect(keepUnchanged(previous, sameAgain)).toBe(previous);

    const next = { ...structuredClone(previous), settings: { language: 'en' } };
    const merged = keepUnchanged(previous, next);
    expect(merged).not.toBe(previous);
    expect(merged.tasks).toBe(previous.tasks);
    expect(merged.settings).toBe(next.settings);
    expect(merged).toEqual(next);
  });

  it('compares as JSON data: arrays in order, objects by their keys', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});

describe('useSnapshot', () => {
  it('keeps the tasks’ array across a push that changed only the settings, so what is derived from them is not redone', async () => {
    const fake = createFakeApi({ state: { profile: { ...defaultProfile(), completed: true, products: ['easymed'] } } });
    window.api = fake.api;
    const { result } = renderHook(() => useSnapshot());
    await waitFor(() => expect(result.current.snapshot).not.toBeNull());
    const before = result.current.state;
    const view = result.current.snapshot;

    await act(() => fake.core.handlers.updateSettings({ userName: 'SY' }));
    expect(result.current.state?.settings.userName).toBe('SY');
    expect(result.current.state?.tasks).toBe(before?.tasks);
    expect(result.current.state?.profile).toBe(before?.profile);
    expect(result.current.snapshot?.guides).toBe(view?.guides);

    await act(() => fake.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'in-progress' }));
    expect(result.current.state?.tasks).not.toBe(before?.tasks);
    expect(result.current.state?.tasks.find((task) => task.id === 'phishing-warning')?.status).toBe('in-progress');
  });

  describe('the guides', () => {
    afterEach(() => vi.unstubAllGlobals());
    const completed = { state: { profile: { ...defaultProfile(), completed: true, products: ['easymed' as const] } } };
    const advisoryCalls = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((call) => call.method === 'getAdvisory').length;

    it('are fetched only once the page is idle when the screen shown does without them, and then once', async () => {
      let idle: (() => void) | undefined;
      vi.stubGlobal('requestIdleCallback', (task: () => void) => {
        idle = task;
        return 1;
      });
      vi.stubGlobal('cancelIdleCallback', () => undefined);
      const fake = createFakeApi(completed);
      window.api = fake.api;
      const { result } = renderHook(() => useSnapshot(undefined, () => false));
      await waitFor(() => expect(result.current.state).not.toBeNull());
      expect(advisoryCalls(fake)).toBe(0);
      expect(result.current.snapshot).toBeNull();

      act(() => idle?.());
      await waitFor(() => expect(result.current.snapshot?.guides.length).toBeGreaterThan(0));
      expect(advisoryCalls(fake)).toBe(1);
    });

    it('are fetched at once when the screen comes to need them, and the idle fetch is then not made again', async () => {
      let idle: (() => void) | undefined;
      let cancelled = 0;
      vi.stubGlobal('requestIdleCallback', (task: () => void) => {
        idle = task;
        return 1;
      });
      vi.stubGlobal('cancelIdleCallback', () => {
        cancelled += 1;
      });
      const fake = createFakeApi(completed);
      window.api = fake.api;
      let needed = false;
      const { result, rerender } = renderHook(() => useSnapshot(undefined, () => needed));
      await waitFor(() => expect(result.current.state).not.toBeNull());
      expect(advisoryCalls(fake)).toBe(0);

      needed = true;
      rerender();
      await waitFor(() => expect(result.current.snapshot).not.toBeNull());
      expect(advisoryCalls(fake)).toBe(1);
      expect(cancelled).toBeGreaterThan(0);
      act(() => idle?.());
      expect(advisoryCalls(fake)).toBe(1);
    });

    it('say so when they could not be fetched, and are asked for again by the next screen that needs them', async () => {
      const fake = createFakeApi(completed);
      const getAdvisory = fake.api.getAdvisory.bind(fake.api);
      let refusals = 1;
      window.api = {
        ...fake.api,
        getAdvisory: () => (refusals-- > 0 ? Promise.reject(new Error('gone')) : getAdvisory()),
      } as typeof fake.api;
      let needed = true;
      const { result, rerender } = renderHook(() => useSnapshot(undefined, () => needed));
      await waitFor(() => expect(result.current.failed).toBe(true));
      expect(result.current.snapshot).toBeNull();

      // To the Übersicht (no guides needed) and on to a screen that needs them: asked again, and there.
      needed = false;
      rerender();
      needed = true;
      rerender();
      // While asked again, no failure is shown; then the guides are there.
      expect(result.current.failed).toBe(false);
      await waitFor(() => expect(result.current.snapshot?.guides.length).toBeGreaterThan(0));
      expect(result.current.failed).toBe(false);
    });

    it('are fetched at once by default (every screen but the Übersicht needs them)', async () => {
      const fake = createFakeApi(completed);
      window.api = fake.api;
      const { result } = renderHook(() => useSnapshot());
      await waitFor(() => expect(result.current.snapshot).not.toBeNull());
      expect(advisoryCalls(fake)).toBe(1);
    });
  });
});
