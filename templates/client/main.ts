// Progressive enhancements. Every page is complete without this file.
import { enhanceCodeBlocks } from './copy-code.ts';
import { enhanceBackToTop, enhanceHeaderSearch, enhanceScrollHints, enhanceTocFolding } from './reader.ts';
import { enhanceThemeToggle } from './theme-toggle.ts';
import { enhanceToc } from './toc.ts';

enhanceThemeToggle();
enhanceHeaderSearch();
enhanceTocFolding();
enhanceCodeBlocks();
enhanceToc();
enhanceBackToTop();
enhanceScrollHints();
// Loaded only by the pages that need them, as separate hashed chunks.
if (document.querySelector('.katex')) void import('./copy-tex.ts');
if (document.getElementById('search-results')) void import('./search.ts').then((m) => m.enhanceSearch());
