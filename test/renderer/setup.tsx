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

/**
 * Render the whole popover with `section` open. A test that names a section keeps it (as if the
 * person had chosen it); without one the popover opens where attention is, as in the app.
 */
export function renderApp(section?: SectionId): RenderResult {
  useUiStore.setState(section ? { section, attentionDone: true } : { section: 'permissions' });
  return render(<App />);
}
