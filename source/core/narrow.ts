/**
 * Characters that are one terminal column and one grapheme each, whatever comes before or after:
 * printable ASCII and Latin-1 (not the soft hyphen, © and ®, which can be emoji), Latin Extended-A
 * and -B, Cyrillic letters (not its combining marks), dashes, quotation marks, bullets, ellipses,
 * the euro sign, the four arrows, box drawing and block elements. A string of only these is as wide
 * as it is long. string-width, which measures everything else, is slow on any non-ASCII text (a
 * grapheme segmenter and emoji expressions per character, 20 ms the first time), so both
 * `displayWidth` and, in the bundle, string-width itself (for Ink) ask this first. A test holds
 * both versions of string-width in the tree to 1 on every one of them.
 */
const ranges = '\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u024F\\u0400-\\u0482\\u048A-\\u04FF\\u2010-\\u2027\\u2030-\\u203A\\u20AC\\u2190-\\u2193\\u2500-\\u259F';

/** One column each in string-width 7 (wrap-ansi's) and 8 (ours and Ink's). */
export const narrowText = new RegExp(`^[${ranges}]*$`);

/** {@link narrowText} and ▶, which string-width 8 measures as one column (7 as two, an emoji). */
export const narrowTextLatest = new RegExp(`^[${ranges}\\u25B6]*$`);
