import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dayOf, findDates, floorOf, isoOfDay, parseIsoDay, tenseAround, weekday} from '../../source/ingest/dates.js';

const at = (iso: string) => ({published: parseIsoDay(iso)!, floor: null});
const first = (text: string, published: string) => findDates(text, at(published))[0];
const date = (text: string, published: string) => first(text, published)?.edtf;

describe('findDates, relative to the publication date and the tense', () => {
	it.each([
		// [sentence, published, EDTF]
		['They spoke in a phone call on Jan. 13.', '2025-01-14', '2025-01-13'],
		['The two met on Dec. 18 in Odesa.', '2025-01-14', '2024-12-18?'],
		['The two will meet on Dec. 18 in Odesa.', '2025-01-14', '2025-12-18'],
		['Rubio was in Paris on Thursday.', '2025-04-17', '2025-04-17'],
		['They met on Thursday.', '2025-04-15', '2025-04-10'],
		['They will meet on Thursday.', '2025-04-15', '2025-04-17'],
		['Zelenskyy is set to attend a summit on Thursday.', '2025-03-27', '2025-03-27'],
		['They met last Thursday.', '2025-04-17', '2025-04-10'],
		['Putin last month rejected the proposal.', '2025-04-17', '2025-03'],
		['This will happen next Thursday, April 24.', '2025-04-17', '2025-04-24'],
		['Macron visited Irpin in the summer of 2022.', '2025-04-17', '2022-22'],
		['The leaders met in 2019, when Macron received him.', '2025-04-17', '2019'],
		['He has put forth the idea since February 2024.', '2025-01-14', '2024-02'],
		['Late on April 16, a drone attack killed three people.', '2025-04-17', '2025-04-16'],
		['Starmer plans to visit Ukraine in the coming weeks.', '2025-01-10', '2025-01~'],
		['Witkoff said this week that talks went well.', '2025-04-17', '2025-04'],
		['Kellogg had arrived in Paris mid-morning.', '2025-04-17', '2025-04-17'],
		['It happened yesterday.', '2025-04-17', '2025-04-16'],
		['The strike came two days ago.', '2025-04-17', '2025-04-15'],
		['She is expected to travel to Brussels next month.', '2025-01-15', '2025-02'],
		['It was the hottest day last summer.', '2025-01-15', '2024-22?'],
		['He took office on 20 January 2025.', '2025-04-17', '2025-01-20'],
		['Published 17.04.2025 at noon.', '2025-04-17', '2025-04-17'],
		['The deal was signed on 2024-11-05.', '2025-04-17', '2024-11-05'],
		['Trump takes office on Jan. 20.', '2025-01-14', '2025-01-20'],
	])('%s (published %s) is %s', (sentence, published, expected) => {
		expect(date(sentence, published)).toBe(expected);
	});

	it('marks dates after publication and future wording as future', () => {
		expect(first('This will happen next Thursday, April 24.', '2025-04-17')?.future).toBe(true);
		expect(first('They met on Thursday.', '2025-04-17')?.future).toBe(false);
		expect(first('Zelensky and Macron agreed to meet in the near future.', '2025-01-14')).toMatchObject({edtf: null, future: true});
	});

	it('gives the offsets of each date phrase in the text', () => {
		const text = 'On Thursday, April 17, they spoke; on April 13 a missile hit Sumy.';
		for (const mention of findDates(text, at('2025-04-17'))) {
			expect(text.slice(mention.start, mention.end)).toBe(mention.text);
		}

		expect(findDates(text, at('2025-04-17')).map((mention) => mention.edtf)).toEqual(['2025-04-17', '2025-04-13']);
	});

	it('reads no date in numbers that are not years, and "may" as a verb', () => {
		expect(findDates('The army numbered 20,000 people and 2025 troops. It may rain.', at('2025-04-17'))).toEqual([]);
	});

	it('leaves weekdays and relative dates unplaced in an undated article', () => {
		expect(findDates('They met on Thursday.', {published: null, floor: null})[0]).toMatchObject({edtf: null});
	});

	it('reads a date without a year in an undated article as the first one after the latest dated mention, uncertain', () => {
		const floor = floorOf(['In December 2024, he organized a meeting.', 'They met in 2019.']);
		expect(isoOfDay(floor!)).toBe('2024-12-31');
		expect(findDates('After the unsuccessful visit in February, ...', {published: null, floor})[0]?.edtf).toBe('2025-02?');
		expect(findDates('They discussed the ceasefire from May 12.', {published: null, floor})[0]?.edtf).toBe('2025-05-12?');
	});

	it('never gives a past verb a date after publication', () => {
		const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
		fc.assert(fc.property(
			fc.integer({min: dayOf(2000, 1, 1)!, max: dayOf(2030, 12, 31)!}),
			fc.integer({min: 0, max: 11}),
			fc.integer({min: 1, max: 28}),
			fc.constantFrom('met', 'spoke', 'signed the deal', 'was attacked'),
			(published, month, day, verb) => {
				const found = findDates(`They ${verb} on ${months[month]} ${day}.`, {published, floor: null})[0];
				expect(found?.latest).toBeLessThanOrEqual(published);
				expect(found?.future).toBe(false);
			},
		));
	});

	it('never gives a future verb a date before publication', () => {
		fc.assert(fc.property(
			fc.integer({min: dayOf(2000, 1, 1)!, max: dayOf(2030, 12, 31)!}),
			fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'),
			(published, name) => {
				const found = findDates(`They will meet on ${name}.`, {published, floor: null})[0]!;
				expect(found.earliest).toBeGreaterThanOrEqual(published);
				expect(found.earliest! - published).toBeLessThan(7);
				expect(weekday(found.earliest!)).toBe(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(name));
			},
		));
	});
});

describe('tenseAround', () => {
	it('reads the verb nearest to the date', () => {
		const sentence = 'Starmer plans to visit Ukraine in the coming weeks, Bloomberg reported on Jan. 10.';
		expect(tenseAround(sentence, sentence.indexOf('Jan. 10'), sentence.length - 1)).toBe('past');
		expect(tenseAround(sentence, sentence.indexOf('in the coming'), sentence.indexOf(','))).toBe('future');
		const lead = 'On Thursday, April 17, Zelensky spoke twice with Macron.';
		expect(tenseAround(lead, 3, 21)).toBe('past');
	});
});
