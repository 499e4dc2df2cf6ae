import type { Page } from '@playwright/test';
import { expect } from './support';

/** The phone every width check runs on: an iPhone 12–15 held upright. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * What sticks out of the screen on the page now, in words ("page 521 px wide", "table 'document-lines' 760 px in
 * 358 px"); empty when everything fits. Checked: the page's own width, every visible element's right edge
 * (unless an ancestor clips it, as a truncated text does, or it is off-canvas, as the closed menu is), and every
 * visible table, which must not be wider than the box that holds it: a table that scrolls sideways on a phone
 * hides its last columns.
 */
export async function widthProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls =
        typeof el.className === 'string' ? el.className.split(' ').find((c) => c.startsWith('mantine-')) : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}${cls ? ` .${cls}` : ''}> "${text}"`;
    };
    const visible = (el: Element) =>
      el.checkVisibility({ opacityProperty: false, visibilityProperty: true, contentVisibilityAuto: true });
    /** An ancestor that cuts off what overflows it sideways, or null. */
    const clipper = (el: Element): Element | null => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if (x !== 'visible') return a;
      }
      return null;
    };

    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the page is ${scrollWidth} px wide on a ${width} px screen`);

    const reported = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Off-canvas (the closed menu slides out to the left) or beyond the screen on purpose.
      if (r.right <= 0 || r.left >= width) continue;
      if (r.right <= width + 1) continue;
      if (!visible(el)) continue;
      const clip = clipper(el);
      if (clip && clip.getBoundingClientRect().right <= width + 1) continue;
      // Report the outermost element that sticks out, not each of its children.
      if (el.parentElement && reported.has(el.parentElement)) {
        reported.add(el);
        continue;
      }
      reported.add(el);
      problems.push(`${name(el)} reaches ${Math.round(r.right)} px`);
    }

    for (const table of document.querySelectorAll('table')) {
      if (!visible(table)) continue;
      const r = table.getBoundingClientRect();
      if (r.width === 0) continue;
      const clip = clipper(table);
      const room = clip ? Math.min(clip.clientWidth, width) : width;
      if (table.scrollWidth > table.clientWidth + 1 || r.width > room + 1)
        problems.push(
          `table ${name(table)} is ${Math.round(r.width)} px wide in ${room} px: it hides columns`,
        );
    }
    return problems.slice(0, 12);
  });
}

/** Fails when something on the page is wider than the screen. */
export async function expectFitsScreen(page: Page, screen: string): Promise<void> {
  // Asked again until the page has laid itself out for the width it was just given (the menu collapses, a control
  // measures itself again): what still sticks out after that really does.
  try {
    await expect.poll(() => widthProblems(page), { timeout: 5_000 }).toEqual([]);
  } catch {
    // The poll's own failure names no element: ask once more and fail with what sticks out.
    expect(await widthProblems(page), `${screen} is wider than the phone`).toEqual([]);
  }
}
