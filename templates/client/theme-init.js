// Runs in <head> before the first paint: applies the reader's saved theme so that a dark-mode
// reader never sees a flash of the light page, and marks the page as scripted. Kept tiny and
// dependency-free on purpose.
(function () {
  // Lets the stylesheet reserve room for what the client script adds (the code blocks' bar).
  document.documentElement.classList.add('js');
  try {
    var saved = localStorage.getItem('folio-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
  } catch (e) {
    /* storage may be disabled; the system preference applies */
  }
})();
