import {describe, expect, it} from 'vitest';
import {type ArticleEvent, type ArticleResult, ingestArticle, makeContext} from '../../source/ingest/index.js';

const context = makeContext(null);

function eventsOf(body: string, header = ' date 2025-04-17 Test article'): {result: ArticleResult; events: ArticleEvent[]; name: (key: string) => string} {
	const result = ingestArticle(`${header}\n\n${body}`, 'test.txt', context);
	const name = (key: string) => result.actors.find((actor) => actor.key === key)?.name ?? key;
	return {result, events: [...result.events], name};
}

const only = (body: string, header?: string) => {
	const {events, name} = eventsOf(body, header);
	expect(events, events.map((event) => event.title).join(' | ')).toHaveLength(1);
	return {event: events[0]!, name};
};

describe('events', () => {
	it('makes one event of a dated happening, with actors, place, tags, status and evidence', () => {
		const {event, name} = only('On April 13, a Russian ballistic missile killed at least 35 people in the Ukrainian city of Sumy.');
		expect(event).toMatchObject({date: '2025-04-13', status: 'occurred', tags: expect.arrayContaining(['missile', 'casualties'])});
		expect(event.actors.map(name)).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'Sumy']));
		expect(name(event.location!)).toBe('Sumy');
		expect(event.evidence.exact).toBe('On April 13, a Russian ballistic missile killed at least 35 people in the Ukrainian city of Sumy.');
	});

	it('puts the subject first and writes the title without the date, people by surname', () => {
		const {event, name} = only('On Thursday, April 17, President of Ukraine Volodymyr Zelensky spoke twice with President of France Emmanuel Macron.');
		expect(event.actors.map(name)).toEqual(['Volodymyr Zelensky', 'Emmanuel Macron']);
		expect(event.title).toBe('Zelensky spoke twice with Macron');
		expect(event.tags).toContain('call');
		expect(event.summary).toMatch(/[.!?]$/);
	});

	it('marks a happening dated after publication, or with a future verb, as scheduled', () => {
		expect(only('Zelenskyy is set to attend a security summit on Thursday with representatives from 31 countries.', ' date 2025-03-27 Test').event).toMatchObject({date: '2025-03-27', status: 'scheduled'});
		expect(only('Petrescu will visit Chisinau next Thursday, April 24.').event).toMatchObject({date: '2025-04-24', status: 'scheduled'});
		expect(only('Zelensky and Macron agreed to meet in the near future.').event).toMatchObject({date: null, status: 'scheduled'});
	});

	it('gives the date of "This will happen next Thursday, April 24." to the happening before it, citing both sentences', () => {
		const {event} = only('As a reminder, Donald Trump said that Ukraine and the US will sign an agreement on minerals in the near future. This will happen next Thursday, April 24.');
		expect(event).toMatchObject({date: '2025-04-24', status: 'scheduled'});
		expect(event.evidence.exact).toContain('This will happen next Thursday, April 24.');
		expect(event.evidence.exact).toContain('will sign an agreement');
	});

	it('makes one event per clause with its own date', () => {
		const {events} = eventsOf('U.K. Prime Minister Keir Starmer also plans to visit Ukraine in the coming weeks, Bloomberg reported on Jan. 10.', ' date 2025-01-14 Test');
		expect(events.map((event) => [event.date, event.status])).toEqual([['2025-01~', 'scheduled'], ['2025-01-10', 'occurred']]);
	});

	it('makes an undated event of a clear happening with a named subject', () => {
		const {event, name} = only('Macron was criticized in Ukraine for his cautious stance.', 'An undated profile');
		expect(event).toMatchObject({date: null, status: 'occurred', tags: ['criticism']});
		expect(event.actors.map(name)[0]).toBe('Macron');
	});

	it('makes no event of what someone said, of habits, or of quoted words', () => {
		const {events} = eventsOf('Zelenskyy said the US is “under the influence of the Russian narrative.”\n\n“We will meet in Paris on Friday,” Macron said.\n\nThe idea of deploying a peacekeeping force has gained traction in recent months.');
		expect(events).toEqual([]);
	});

	it('resolves "he" and "the two leaders" as subjects to the people named before', () => {
		const {events, name} = eventsOf('Zelensky and Macron previously discussed the possibility of a peacekeeping force in a meeting on April 10.\n\nThe two leaders also discussed the situation in Kursk Oblast, amid a renewed offensive.\n\nMacron praised him. In December 2024, he organized a meeting in Paris.');
		expect(events.find((event) => event.tags.includes('offensive'))?.actors.map(name)).toEqual(expect.arrayContaining(['Zelensky', 'Macron']));
		const december = events.find((event) => event.date === '2024-12');
		expect(december?.title).toMatch(/^Macron organized/);
	});

	it('dates an undated happening of the lede about the publication date', () => {
		const {events} = eventsOf('Zelenskyy, who spoke to a panel of European journalists after meeting French President Emmanuel Macron in Paris, addressed the US role.', ' date 2025-03-27 Test');
		expect(events.every((event) => event.date === '2025-03-27~')).toBe(true);
		expect(events.length).toBeGreaterThan(0);
	});

	it('takes a dated caption as a happening and folds it into the same happening in the text', () => {
		const {events, name} = eventsOf('France\'s President Emmanuel Macron (L) welcomes US Secretary of State Marco Rubio (R) before a meeting at the Elysee presidential palace in Paris on April 17, 2025.\n\nU.S. Secretary of State Marco Rubio was in Paris on Thursday to meet French President Emmanuel Macron about a ceasefire.');
		expect(events).toHaveLength(1);
		expect(events[0]!.evidence.exact).toMatch(/^U\.S\. Secretary/);
		expect(events[0]!.actors.map(name)).toEqual(expect.arrayContaining(['Marco Rubio', 'Emmanuel Macron']));
	});

	it('makes one event of a "when" clause and the clause it completes', () => {
		const {event, name} = only('It is noted that the leaders met in 2019, when Macron received Zelenskyy at the Elysee Palace.', 'An undated profile');
		expect(event.date).toBe('2019');
		expect(event.title).toBe('Macron received Zelenskyy at the Elysee Palace');
		expect(name(event.location!)).toBe('Elysee Palace');
	});

	it('writes relative dates out in the summary', () => {
		const {event} = only('Putin last month rejected a US proposal for a full ceasefire.');
		expect(event.date).toBe('2025-03');
		expect(event.summary).toContain('Mar 2025');
	});
});
