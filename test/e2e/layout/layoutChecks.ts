import type { Page } from 'playwright-core';

/** One thing wrong with a window's layout, named so a failing test says what and where. */
export interface LayoutOffence {
  check:
    | 'outside-viewport'
    | 'clipped'
    | 'text-cut-off'
    | 'controls-overlap'
    | 'control-covered'
    | 'too-narrow'
    | 'text-too-small';
  /** The element's role or tag and accessible name, e.g. `button "Sign out"`. */
  element: string;
  /** What is wrong, with the sizes that show it. */
  detail: string;
}

export interface LayoutCheckOptions {
  /** A CSS selector for an input that must show at least `minChars` characters (the command line). */
  wideInput?: { selector: string; minChars: number };
  /** Smallest text size accepted, in CSS px. */
  minFontPx?: number;
  /** Elements not checked (with what is inside them): décor drawn by libraries, for instance. */
  ignore?: string[];
}

/**
 * Checks the page's layout by its DOM, in the page: every visible element lies inside the
 * viewport and inside any ancestor that clips without scrolling (a scroll container's content may
 * lie outside it: it scrolls), no text is cut off in an element that hides its overflow without an
 * ellipsis, no two controls overlap and none is covered by something else, the wide input is wide
 * enough and no text is smaller than `minFontPx`.
 */
export async function checkLayout(page: Page, options: LayoutCheckOptions = {}): Promise<LayoutOffence[]> {
  return page.evaluate(layoutOffencesInPage, {
    wideInput: options.wideInput ?? null,
    minFontPx: options.minFontPx ?? 10,
    ignore: options.ignore ?? [],
  });
}

/** Formats offences one a line for a test failure. */
export function describeOffences(offences: LayoutOffence[]): string {
  return offences.map((o) => `${o.check}: ${o.element}: ${o.detail}`).join('\n');
}

interface InPageOptions {
  wideInput: { selector: string; minChars: number } | null;
  minFontPx: number;
  ignore: string[];
}

/**
 * Runs in the page (serialised by playwright): self-contained, no imports, no helpers from the
 * test's module scope.
 */
function layoutOffencesInPage(options: InPageOptions): LayoutOffence[] {
  const SLACK = 1.5;
  const offences: LayoutOffence[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  type Box = { left: number; top: number; right: number; bottom: number };
  const px = (n: number) => Math.round(n);
  const boxText = (b: Box) => `${px(b.left)},${px(b.top)} to ${px(b.right)},${px(b.bottom)}`;

  const ignored = (el: Element) => options.ignore.some((selector) => el.closest(selector) !== null);

  const nameOf = (el: Element): string => {
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const labelledBy = el.getAttribute('aria-labelledby');
    let name =
      el.getAttribute('aria-label') ??
      (labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null);
    if (!name && el instanceof HTMLInputElement && el.labels && el.labels[0]) name = el.labels[0].textContent;
    if (!name) name = (el.textContent ?? '').trim() || el.getAttribute('title') || el.getAttribute('placeholder');
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    return `${role}${cls} "${(name ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  };

  const visible = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    // Visually hidden text for screen readers (1 px boxes, clip-path) is not laid out for the eye.
    if (r.width <= 1 || r.height <= 1) return false;
    const style = getComputedStyle(el);
    if (style.clipPath !== 'none' && style.clipPath.includes('inset(50%')) return false;
    return !el.closest('[aria-hidden="true"] *, [inert]') || el.matches('canvas');
  };

  const clipsX = (s: CSSStyleDeclaration) => s.overflowX !== 'visible';
  const clipsY = (s: CSSStyleDeclaration) => s.overflowY !== 'visible';
  const scrolls = (v: string) => v === 'auto' || v === 'scroll';

  /** The nearest ancestor that clips `el`, and whether it scrolls. */
  const clipper = (el: Element): { el: Element; scrolls: boolean } | null => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (clipsX(s) || clipsY(s)) return { el: p, scrolls: scrolls(s.overflowX) || scrolls(s.overflowY) };
      if (s.position === 'fixed') return null;
    }
    return null;
  };
  /** Whether some ancestor of `el` scrolls (its content may then be anywhere). */
  const inScroller = (el: Element): boolean => {
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (scrolls(s.overflowX) || scrolls(s.overflowY)) return true;
    }
    return false;
  };

  const all = [...document.body.querySelectorAll('*')].filter(
    (el) => !ignored(el) && !['SCRIPT', 'STYLE', 'svg', 'path', 'OPTION'].includes(el.tagName) && visible(el),
  );

  // The page itself must not scroll: the workspace fits the window.
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > vw + SLACK || root.scrollHeight > vh + SLACK) {
    offences.push({
      check: 'outside-viewport',
      element: 'document',
      detail: `the page is ${root.scrollWidth}×${root.scrollHeight} in a ${vw}×${vh} viewport`,
    });
  }

  for (const el of all) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (style.position === 'fixed' || !inScroller(el)) {
      if (r.left < -SLACK || r.top < -SLACK || r.right > vw + SLACK || r.bottom > vh + SLACK) {
        offences.push({
          check: 'outside-viewport',
          element: nameOf(el),
          detail: `box ${boxText(r)}, viewport ${vw}×${vh}`,
        });
        continue;
      }
    }
    const clip = clipper(el);
    const clipStyle = clip ? getComputedStyle(clip.el) : null;
    // Cut off with an ellipsis on purpose: the clipping element says so.
    if (clip && !clip.scrolls && clipStyle?.textOverflow !== 'ellipsis') {
      const c = clip.el.getBoundingClientRect();
      const cs = clipStyle!;
      const outX = clipsX(cs) && (r.left < c.left - SLACK || r.right > c.right + SLACK);
      const outY = clipsY(cs) && (r.top < c.top - SLACK || r.bottom > c.bottom + SLACK);
      if (outX || outY) {
        offences.push({
          check: 'clipped',
          element: nameOf(el),
          detail: `box ${boxText(r)} is cut off by ${nameOf(clip.el)} at ${boxText(c)}`,
        });
      }
    }
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (ownText) {
      const fontPx = parseFloat(style.fontSize);
      if (fontPx < options.minFontPx) {
        offences.push({ check: 'text-too-small', element: nameOf(el), detail: `${fontPx} px text` });
      }
      const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      // A line clamp ends in an ellipsis too: cut off on purpose.
      const clamped = style.webkitLineClamp !== 'none';
      if (hidesX && !clamped && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        offences.push({
          check: 'text-cut-off',
          element: nameOf(el),
          detail: `text ${el.scrollWidth} px wide in ${el.clientWidth} px`,
        });
      } else if (hidesY && !clamped && el.scrollHeight > el.clientHeight + 1) {
        offences.push({
          check: 'text-cut-off',
          element: nameOf(el),
          detail: `text ${el.scrollHeight} px high in ${el.clientHeight} px`,
        });
      }
    }
  }

  // Controls: what an operator clicks. Their visible part (inside every clipping ancestor).
  const CONTROLS =
    'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [role="option"], [role="tab"], [role="menuitem"], [role="switch"], [role="separator"][tabindex]';
  const visiblePart = (el: Element): Box | null => {
    const r = el.getBoundingClientRect();
    const box: Box = {
      left: Math.max(r.left, 0),
      top: Math.max(r.top, 0),
      right: Math.min(r.right, vw),
      bottom: Math.min(r.bottom, vh),
    };
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      const c = p.getBoundingClientRect();
      if (clipsX(s)) {
        box.left = Math.max(box.left, c.left);
        box.right = Math.min(box.right, c.right);
      }
      if (clipsY(s)) {
        box.top = Math.max(box.top, c.top);
        box.bottom = Math.min(box.bottom, c.bottom);
      }
      if (s.position === 'fixed') break;
    }
    return box.right - box.left > 2 && box.bottom - box.top > 2 ? box : null;
  };
  const controls = all
    .filter((el) => el.matches(CONTROLS))
    .map((el) => ({ el, box: visiblePart(el) }))
    .filter((c): c is { el: Element; box: Box } => c.box !== null);
  for (let i = 0; i < controls.length; i += 1) {
    const a = controls[i]!;
    for (let j = i + 1; j < controls.length; j += 1) {
      const b = controls[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > SLACK && h > SLACK) {
        offences.push({
          check: 'controls-overlap',
          element: nameOf(a.el),
          detail: `overlaps ${nameOf(b.el)} by ${px(w)}×${px(h)} px`,
        });
      }
    }
    // Covered: what is at the middle of its visible part is neither it nor inside it.
    const x = (a.box.left + a.box.right) / 2;
    const y = (a.box.top + a.box.bottom) / 2;
    const top = document.elementFromPoint(x, y);
    if (
      top &&
      top !== a.el &&
      !a.el.contains(top) &&
      !(a.el instanceof HTMLElement && top.contains(a.el) && top === a.el.parentElement)
    ) {
      const label = top.closest('label');
      const ownLabel =
        label !== null &&
        (label.contains(a.el) || (a.el instanceof HTMLInputElement && [...(a.el.labels ?? [])].includes(label)));
      if (!ownLabel && !top.contains(a.el)) {
        offences.push({
          check: 'control-covered',
          element: nameOf(a.el),
          detail: `its middle is under ${nameOf(top)}`,
        });
      }
    }
  }

  if (options.wideInput) {
    const input = document.querySelector(options.wideInput.selector);
    if (!(input instanceof HTMLInputElement)) {
      offences.push({ check: 'too-narrow', element: options.wideInput.selector, detail: 'not found' });
    } else {
      const style = getComputedStyle(input);
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `${style.fontSize} ${style.fontFamily}`;
      const charPx = canvas.measureText('0').width;
      const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const chars = inner / charPx;
      if (chars < options.wideInput.minChars) {
        offences.push({
          check: 'too-narrow',
          element: nameOf(input),
          detail: `shows ${chars.toFixed(1)} characters (${px(inner)} px), needs ${options.wideInput.minChars}`,
        });
      }
    }
  }
  return offences;
}
