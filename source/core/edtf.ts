/**
 * EDTF level-1 dates as the data contract uses them: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a season
 * `YYYY-21` (spring) to `YYYY-24` (winter), optionally ending in `~` (approximate) or `?`
 * (uncertain).
 */

export type Precision = 'year' | 'season' | 'month' | 'day';
export type Qualifier = 'approximate' | 'uncertain' | null;

export type EdtfDate = {
	/** The string as written, e.g. `2025-04-17~`. */
	readonly text: string;
	readonly year: number;
	/** 1-12 for month and day precision. */
	readonly month: number | null;
	readonly day: number | null;
	/** 21-24 for season precision. */
	readonly season: number | null;
	readonly precision: Precision;
	readonly qualifier: Qualifier;
	/** Days since 1970-01-01 of the earliest and latest day the date can mean. */
	readonly earliest: number;
	readonly latest: number;
};

export type EdtfParseResult = {ok: true; date: EdtfDate} | {ok: false; reason: string};

/** The shape of every accepted string; the calendar is checked separately. */
export const edtfPattern = '^\\d{4}(-(0[1-9]|1[0-2]|2[1-4])(-\\d{2})?)?[~?]?$';
const shape = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?])?$/;

export const edtfHint =
	'use YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21 (spring) to YYYY-24 (winter), optionally ending in ~ or ?';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const seasonNames = ['Spring', 'Summer', 'Autumn', 'Winter'];
/** Meteorological seasons of the northern hemisphere: the month each one starts in. */
const seasonFirstMonth = [3, 6, 9, 12];

const precisionRank: Record<Precision, number> = {year: 0, season: 1, month: 2, day: 3};

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayNumber(year: number, month: number, day: number): number {
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return Math.round(date.getTime() / 86_400_000);
}

const parsed = new Map<string, EdtfParseResult>();

/**
 * Parses an EDTF date. Results are kept (dates repeat: a million events have a few thousand
 * distinct dates) and shared, so they must not be changed.
 */
export function parseEdtf(text: string): EdtfParseResult {
	let result = parsed.get(text);
	if (result === undefined) {
		if (parsed.size >= 100_000) {
			parsed.clear();
		}

		result = parseUncached(text);
		parsed.set(text, result);
	}

	return result;
}

function parseUncached(text: string): EdtfParseResult {
	const match = shape.exec(text);
	if (!match) {
		return {ok: false, reason: `"${text}" is not an EDTF date (${edtfHint})`};
	}

	const year = Number(match[1]);
	const second = match[2] === undefined ? null : Number(match[2]);
	const third = match[3] === undefined ? null : Number(match[3]);
	const qualifier: Qualifier = match[4] === '~' ? 'approximate' : match[4] === '?' ? 'uncertain' : null;

	if (year === 0) {
		return {ok: false, reason: `"${text}" has year 0000; years run from 0001 to 9999`};
	}

	if (second === null) {
		return {
			ok: true,
			date: {
				text, year, month: null, day: null, season: null, precision: 'year', qualifier,
				earliest: dayNumber(year, 1, 1), latest: dayNumber(year, 12, 31),
			},
		};
	}

	if (second >= 21 && second <= 24) {
		if (third !== null) {
			return {ok: false, reason: `"${text}" puts a day on a season; a season has no days`};
		}

		const first = seasonFirstMonth[second - 21]!;
		const lastMonth = first + 2;
		// Winter runs from December into the next year's February.
		const lastYear = lastMonth > 12 ? year + 1 : year;
		const lastMonthOfYear = lastMonth > 12 ? lastMonth - 12 : lastMonth;
		return {
			ok: true,
			date: {
				text, year, month: null, day: null, season: second, precision: 'season', qualifier,
				earliest: dayNumber(year, first, 1),
				latest: dayNumber(lastYear, lastMonthOfYear, daysInMonth(lastYear, lastMonthOfYear)),
			},
		};
	}

	if (second < 1 || second > 12) {
		return {ok: false, reason: `"${text}" has month ${match[2]}; months run 01-12 and seasons 21-24`};
	}

	if (third === null) {
		return {
			ok: true,
			date: {
				text, year, month: second, day: null, season: null, precision: 'month', qualifier,
				earliest: dayNumber(year, second, 1), latest: dayNumber(year, second, daysInMonth(year, second)),
			},
		};
	}

	const last = daysInMonth(year, second);
	if (third < 1 || third > last) {
		return {ok: false, reason: `"${text}" is not a day of the calendar: ${monthNames[second - 1]} ${year} has ${last} days`};
	}

	const day = dayNumber(year, second, third);
	return {
		ok: true,
		date: {text, year, month: second, day: third, season: null, precision: 'day', qualifier, earliest: day, latest: day},
	};
}

export function isEdtf(text: string): boolean {
	return parseEdtf(text).ok;
}

/** Throws on a string that is not EDTF: for data that has already been validated. */
export function edtf(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) {
		throw new Error(result.reason);
	}

	return result.date;
}

/** Orders by the earliest day a date can mean, then coarser before finer, then exact before qualified. */
export function compareEdtf(a: EdtfDate, b: EdtfDate): number {
	return (
		a.earliest - b.earliest
		|| precisionRank[a.precision] - precisionRank[b.precision]
		|| qualifierRank(a.qualifier) - qualifierRank(b.qualifier)
		|| a.latest - b.latest
	);
}

function qualifierRank(qualifier: Qualifier): number {
	return qualifier === null ? 0 : qualifier === 'approximate' ? 1 : 2;
}

/** Compares date strings, with null (undated) after every date. */
export function compareDateText(a: string | null, b: string | null): number {
	if (a === null || b === null) {
		return a === b ? 0 : a === null ? 1 : -1;
	}

	const left = parseEdtf(a);
	const right = parseEdtf(b);
	if (!left.ok || !right.ok) {
		return a < b ? -1 : a > b ? 1 : 0;
	}

	return compareEdtf(left.date, right.date);
}

/** `2019`, `Summer 2022`, `Feb 2024`, `~17 Apr 2025`, `17 Apr 2025?`. */
export function formatEdtf(date: EdtfDate): string {
	let body: string;
	switch (date.precision) {
		case 'year': {
			body = String(date.year);
			break;
		}

		case 'season': {
			body = `${seasonNames[date.season! - 21]} ${date.year}`;
			break;
		}

		case 'month': {
			body = `${monthNames[date.month! - 1]} ${date.year}`;
			break;
		}

		case 'day': {
			body = `${date.day} ${monthNames[date.month! - 1]} ${date.year}`;
			break;
		}
	}

	if (date.qualifier === 'approximate') {
		return `~${body}`;
	}

	return date.qualifier === 'uncertain' ? `${body}?` : body;
}

/** Formats a date string for display; `undated` for null, the raw text for anything unparseable. */
export function formatDateText(text: string | null): string {
	if (text === null) {
		return 'undated';
	}

	const result = parseEdtf(text);
	return result.ok ? formatEdtf(result.date) : text;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function isoDay(dayNumberValue: number): string {
	const date = new Date(dayNumberValue * 86_400_000);
	const year = String(date.getUTCFullYear()).padStart(4, '0');
	return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
