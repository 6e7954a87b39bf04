import stripAnsi from 'strip-ansi';

/**
 * Text from data is untrusted: an article can carry escape sequences that set the terminal title,
 * forge hyperlinks, move the cursor or clear the screen. Everything from data passes through here
 * before it is printed or drawn.
 */

// C0 and C1 controls and DEL, except tab and line feed which the block form keeps.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides, embeddings, isolates and marks: they reorder what the reader sees.
const bidi = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Zero-width and invisible formatting characters, including the byte-order mark.
const invisible = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

function clean(text: string): string {
	const wellFormed = (text as string & {toWellFormed(): string}).toWellFormed();
	return stripAnsi(wellFormed).replace(controls, '').replace(bidi, '').replace(invisible, '');
}

/** For one-line display: every line break and tab becomes a space, runs of spaces collapse. */
export function sanitizeInline(text: string): string {
	return clean(text.replace(/\r\n?|[\n\t\u2028\u2029\u0085]/g, ' ')).replace(/ {2,}/g, ' ').trim();
}

/** A piece of a one-line string (a highlighted match): like `sanitizeInline`, but its edges keep their spaces. */
export function sanitizeFragment(text: string): string {
	return clean(text.replace(/\r\n?|[\n\t\u2028\u2029\u0085]/g, ' ')).replace(/ {2,}/g, ' ');
}

/** For multi-line display: line breaks are kept (CRLF becomes LF), tabs become spaces. */
export function sanitizeBlock(text: string): string {
	return clean(text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/\t/g, '    '));
}

/** True when the text holds nothing a terminal would act on. */
export function isTerminalSafe(text: string): boolean {
	return sanitizeBlock(text) === text;
}
