import type { Page } from 'playwright-core';

/**
 * Layout problems on the page as it is now, measured with bounding boxes (never pixels):
 * - clipped: an element's own text is wider than its box (scrollWidth > clientWidth), or an
 *   input's placeholder is wider than the input;
 * - outside: a text element reaches outside an ancestor that clips it, or the page scrolls sideways;
 * - overlap: two text elements, neither inside the other, cover each other.
 * Each problem names the element and its text, so a failure says what to fix.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element): string => {
      const cls = el.getAttribute('class');
      return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().slice(0, 60)}”`;
    };
    const visible = (el: Element): boolean => {
      // Hidden content (a closed <details>, content-visibility) keeps a box but is not shown.
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0 && !el.closest('[aria-hidden="true"], .sr-only');
    };
    const ownText = (el: Element): boolean => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    /** Scrolling regions are meant to hold more than they show. */
    const scrolls = (el: Element): boolean => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    /** The part of an element's box not cut away by ancestors that clip (scrollers, overflow: hidden). */
    const shown = (el: Element): DOMRect | null => {
      let box = el.getBoundingClientRect();
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const outer = parent.getBoundingClientRect();
        const left = Math.max(box.left, outer.left);
        const top = Math.max(box.top, outer.top);
        const right = Math.min(box.right, outer.right);
        const bottom = Math.min(box.bottom, outer.bottom);
        if (right <= left || bottom <= top) return null;
        box = new DOMRect(left, top, right - left, bottom - top);
      }
      return box;
    };
    const texts = [...document.body.querySelectorAll('*')].filter(
      (el) => ownText(el) && visible(el) && shown(el) !== null && !['SCRIPT', 'STYLE', 'OPTION'].includes(el.tagName),
    );

    for (const el of texts) {
      if (!scrolls(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        problems.push(`clipped: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      // Outside an ancestor that clips (overflow other than visible), unless that ancestor scrolls.
      const box = el.getBoundingClientRect();
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        if (scrolls(parent) || ['auto', 'scroll'].includes(style.overflowY)) break;
        const outer = parent.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1)
          problems.push(`outside: ${describe(el)} reaches outside ${describe(parent).slice(0, 40)}`);
        break;
      }
    }

    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!visible(input) || input.value !== '') continue;
      const style = getComputedStyle(input);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needed = canvas.measureText(input.placeholder).width;
      if (needed > room + 1) problems.push(`clipped: placeholder “${input.placeholder}” (${Math.ceil(needed)} > ${Math.floor(room)})`);
    }

    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      problems.push(`outside: the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);

    const boxes = texts.map((el) => ({ el, box: shown(el)! }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (width > 2 && height > 2) problems.push(`overlap: ${describe(a.el)} and ${describe(b.el)}`);
      }
    }
    return problems;
  });
}
