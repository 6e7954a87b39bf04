/** Highlights in text, for drawing matches; apart from the search engine, which the dashboard loads later. */

/** Splits a string into runs that are and are not highlighted, for drawing it. */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]> = []): Array<{text: string; match: boolean}> {
	const segments: Array<{text: string; match: boolean}> = [];
	let at = 0;
	for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const from = Math.max(at, Math.min(start, text.length));
		const to = Math.min(end, text.length);
		if (from > at) {
			segments.push({text: text.slice(at, from), match: false});
		}

		if (to > from) {
			segments.push({text: text.slice(from, to), match: true});
			at = to;
		}
	}

	if (at < text.length) {
		segments.push({text: text.slice(at), match: false});
	}

	return segments;
}
