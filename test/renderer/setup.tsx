// Shared per-test wiring: a fresh FakeApi installed as the transport, stores reset, DOM cleaned.
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { setApi } from '../../renderer/src/api/current-api.js';
import { App } from '../../renderer/src/components/app.js';
import { resetStores } from '../../renderer/src/stores/reset.js';
import { useUiStore, type SectionId } from '../../renderer/src/stores/ui-store.js';
import { FakeApi } from './fake-api.js';

/** Register the hooks; returns a getter for the current test's FakeApi. */
export function useFakeApi(): () => FakeApi {
  let api = new FakeApi();
  beforeEach(() => {
    api = new FakeApi();
    setApi(api);
    resetStores();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    setApi(null);
    expect(api.violations).toEqual([]);
  });
  return () => api;
}

/** Render the whole popover with `section` open. */
export function renderApp(section: SectionId = 'permissions'): RenderResult {
  useUiStore.setState({ section });
  return render(<App />);
}
