// Small comforts for a reader: the header's search opening in place, the contents open beside a
// post on wide screens, a way back to the top, and a hint that wide formulas and tables scroll.
const WIDE = '(min-width: 72rem)';

/** On a phone the search icon opens the header's box in place instead of following its link to /search/. */
export function enhanceHeaderSearch(): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  const toggle = header?.querySelector<HTMLAnchorElement>('.search-toggle');
  const form = header?.querySelector<HTMLFormElement>('.site-search');
  const input = form?.querySelector<HTMLInputElement>('input');
  if (!header || !toggle || !form || !input) return;
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  const setOpen = (open: boolean) => {
    header.classList.toggle('search-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    const open = !header.classList.contains('search-open');
    setOpen(open);
    if (open) input.focus();
  });
  // A role=button link is pressed with Space too.
  toggle.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault();
      toggle.click();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      toggle.focus();
    }
  });
}

/** The contents are served folded; beside the post (wide screens) they are opened. */
export function enhanceTocFolding(): void {
  const details = document.querySelector<HTMLDetailsElement>('.toc-details');
  if (!details) return;
  const wide = window.matchMedia(WIDE);
  details.open = wide.matches;
  wide.addEventListener('change', () => (details.open = wide.matches));
}

/** On a page more than three screens long, "回到顶部" floats in the corner once the reader has scrolled a screen. */
export function enhanceBackToTop(): void {
  const link = document.querySelector<HTMLElement>('.back-to-top');
  if (!link) return;
  let pending = false;
  const update = () => {
    pending = false;
    const long = document.documentElement.scrollHeight > 3 * window.innerHeight;
    link.classList.toggle('is-floating', long);
    link.classList.toggle('is-shown', long && window.scrollY > window.innerHeight);
  };
  // At most once a frame, and never forcing a layout while the page loads.
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  };
  schedule();
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });
}

/**
 * A formula or table wider than the column scrolls sideways; style.css shades the edge that hides
 * more (`is-scrollable`). Such a box, and a code block too long for the column, is also made
 * reachable by keyboard, to scroll with the arrow keys. Boxes are checked whenever their size
 * changes: on the first layout, when the window changes, and when a block further down is laid
 * out as it nears the screen (`content-visibility: auto` in style.css).
 */
export function enhanceScrollHints(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('.post-body .math-display, .post-body table, .post-body pre')];
  if (boxes.length === 0 || !('ResizeObserver' in window)) return;
  const observer = new ResizeObserver((entries) => {
    // Every width is read before anything is changed: one layout, not one per box.
    const changed = entries.map((e) => e.target as HTMLElement);
    const scrolls = changed.map((box) => box.scrollWidth > box.clientWidth + 1);
    changed.forEach((box, i) => {
      box.classList.toggle('is-scrollable', scrolls[i]);
      if (scrolls[i] && !box.hasAttribute('tabindex')) box.tabIndex = 0;
      else if (!scrolls[i] && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    });
  });
  for (const box of boxes) observer.observe(box);
}
