/**
 * On wide screens the TOC sits beside the post; this marks the section being read with
 * `aria-current` (styled in style.css). Without it the TOC is a plain list of links.
 */
export function enhanceToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  if (links.length === 0 || !('IntersectionObserver' in window)) return;
  const targets = links
    .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((t): t is { link: HTMLAnchorElement; heading: HTMLElement } => t.heading !== null);
  if (targets.length === 0) return;
  const wide = window.matchMedia('(min-width: 72rem)');
  const visible = new Set<Element>();
  let currentLink: HTMLAnchorElement | undefined;

  const update = () => {
    // The current section is the first heading on screen, else the last one scrolled past.
    const onScreen = targets.find((t) => visible.has(t.heading));
    const passed = targets.filter((t) => t.heading.getBoundingClientRect().top < 0).at(-1);
    const next = wide.matches ? (onScreen ?? passed)?.link : undefined;
    if (next === currentLink) return;
    currentLink?.removeAttribute('aria-current');
    next?.setAttribute('aria-current', 'true');
    currentLink = next;
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) visible.add(e.target);
        else visible.delete(e.target);
      }
      update();
    },
    // A heading counts while it is in the upper part of the viewport.
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const t of targets) observer.observe(t.heading);
  wide.addEventListener('change', update);
}
