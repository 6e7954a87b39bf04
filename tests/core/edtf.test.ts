import {describe, expect, it} from 'vitest';
import {compareDateText, edtf, formatDateText, formatEdtf, isoDay, parseEdtf} from '../../source/core/edtf.js';

describe('parseEdtf', () => {
	it.each([
		['2019', 'year', '2019-01-01', '2019-12-31'],
		['2024-02', 'month', '2024-02-01', '2024-02-29'],
		['2025-04-17', 'day', '2025-04-17', '2025-04-17'],
		['2022-21', 'season', '2022-03-01', '2022-05-31'],
		['2022-22', 'season', '2022-06-01', '2022-08-31'],
		['2022-23', 'season', '2022-09-01', '2022-11-30'],
		['2022-24', 'season', '2022-12-01', '2023-02-28'],
		['2025-04-17~', 'day', '2025-04-17', '2025-04-17'],
		['2025-02?', 'month', '2025-02-01', '2025-02-28'],
	])('reads %s as %s precision spanning %s to %s', (text, precision, earliest, latest) => {
		const date = edtf(text);
		expect(date.precision).toBe(precision);
		expect(isoDay(date.earliest)).toBe(earliest);
		expect(isoDay(date.latest)).toBe(latest);
	});

	it('reads the qualifiers', () => {
		expect(edtf('2025-04-17~').qualifier).toBe('approximate');
		expect(edtf('2025?').qualifier).toBe('uncertain');
		expect(edtf('2025').qualifier).toBeNull();
	});

	it.each([
		['2025-02-30', '"2025-02-30" is not a day of the calendar: Feb 2025 has 28 days'],
		['2024-02-30', '"2024-02-30" is not a day of the calendar: Feb 2024 has 29 days'],
		['2025-13', '"2025-13" has month 13; months run 01-12 and seasons 21-24'],
		['2025-25', '"2025-25" has month 25; months run 01-12 and seasons 21-24'],
		['9999-99', '"9999-99" has month 99; months run 01-12 and seasons 21-24'],
		['0000', '"0000" has year 0000; years run from 0001 to 9999'],
		['2022-22-01', '"2022-22-01" puts a day on a season; a season has no days'],
		['2025-00', '"2025-00" has month 00; months run 01-12 and seasons 21-24'],
		['April 2025', '"April 2025" is not an EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21 (spring) to YYYY-24 (winter), optionally ending in ~ or ?)'],
	])('rejects %s', (text, reason) => {
		expect(parseEdtf(text)).toEqual({ok: false, reason});
	});

	it.each(['', '25', '2025-4-17', '2025/04/17', ' 2025', '2025~?', 'April 2025', '2025-04-17T10:00'])('rejects the shape %j', (text) => {
		expect(parseEdtf(text).ok).toBe(false);
	});
});

describe('formatEdtf', () => {
	it.each([
		['2019', '2019'],
		['2022-21', 'Spring 2022'],
		['2022-22', 'Summer 2022'],
		['2022-23', 'Autumn 2022'],
		['2022-24', 'Winter 2022'],
		['2024-02', 'Feb 2024'],
		['2025-04-17', '17 Apr 2025'],
		['2025-04-17~', '~17 Apr 2025'],
		['2025-04-07?', '7 Apr 2025?'],
		['2019~', '~2019'],
	])('shows %s as %s', (text, shown) => {
		expect(formatEdtf(edtf(text))).toBe(shown);
	});

	it('shows null as undated', () => {
		expect(formatDateText(null)).toBe('undated');
	});
});

describe('compareDateText', () => {
	it('sorts by earliest day, then coarser before finer, undated last', () => {
		const dates = ['2025-04-17', null, '2025', '2024-24', '2025-01', '2025-04-17~', '2022-22', '2025-01-01', '2019'];
		expect([...dates].sort(compareDateText)).toEqual(['2019', '2022-22', '2024-24', '2025', '2025-01', '2025-01-01', '2025-04-17', '2025-04-17~', null]);
	});

	it('puts winter before the next year it runs into', () => {
		expect(compareDateText('2024-24', '2025')).toBeLessThan(0);
		expect(compareDateText('2024-24', '2024-12-02')).toBeLessThan(0);
	});
});
