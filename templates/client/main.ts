// Progressive enhancements. Every page is complete without this file.
import { enhanceCodeBlocks } from './copy-code.ts';
import { enhanceThemeToggle } from './theme-toggle.ts';

enhanceThemeToggle();
enhanceCodeBlocks();
