import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { loadAllTexts, setLanguage } from './i18n';

// The web tests share two cores with the server's suite in CI: waiting for an element may take a few seconds there.
configure({ asyncUtilTimeout: 5000 });

// Mantine reads these browser APIs; happy-dom may lack some of them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  class NoResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: NoResizeObserver });
}

// Mantine's autosize Textarea listens for web fonts loading.
if (!document.fonts) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
    configurable: true,
  });
}

// The screens under test are signed-in screens: every feature's texts, as the app loads them after the sign-in.
await loadAllTexts();

beforeEach(async () => {
  localStorage.clear();
  await setLanguage('bg');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
