// Runs in <head> before the first paint: applies the reader's saved theme so that a dark-mode
// reader never sees a flash of the light page. Kept tiny and dependency-free on purpose.
(function () {
  try {
    var saved = localStorage.getItem('folio-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
  } catch (e) {
    /* storage may be disabled; the system preference applies */
  }
})();
