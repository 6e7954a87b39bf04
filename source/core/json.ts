/**
 * JSON.stringify escapes C0 controls but prints C1 controls, bidirectional overrides and invisible
 * characters raw. Escaping them keeps the data lossless and keeps a terminal that shows it safe.
 */
const unsafe = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function terminalSafeJson(value: unknown, indent = 2): string {
	return JSON.stringify(value, null, indent).replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
