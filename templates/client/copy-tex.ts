// Copying a selection that contains formulas puts their LaTeX source on the clipboard
// (KaTeX's copy-tex, which reads the TeX annotation in the MathML we render).
import 'katex/contrib/copy-tex';
