import {describe, expect, it} from 'vitest';
import {normalizeForMatch} from '../../source/core/dataset.js';
import {type ArticleResult, ingestArticle, makeContext} from '../../source/ingest/index.js';

const context = makeContext(null);

function quotesOf(body: string): Array<{text: string; speaker: string; partial: boolean; channel: string | null; date: string | null}> {
	const result: ArticleResult = ingestArticle(` date 2025-04-17 Test article\n\n${body}`, 'test.txt', context);
	const name = (key: string) => result.actors.find((actor) => actor.key === key)?.name ?? key;
	for (const quote of result.quotes) {
		// The contract: the quote's text stands in its evidence sentence.
		expect(normalizeForMatch(quote.evidence.exact)).toContain(normalizeForMatch(quote.text));
	}

	return result.quotes.map((quote) => ({text: quote.text, speaker: name(quote.speaker), partial: quote.partial, channel: quote.channel, date: quote.date}));
}

const intro = 'Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron on Thursday. Kremlin spokesman Dmitry Peskov was not pleased.\n\n';

describe('quotes', () => {
	it.each([
		['curly marks, "X said"', '“We are ready,” Zelensky said.', 'We are ready', 'Volodymyr Zelensky'],
		['straight marks, "said X"', '"We are ready," said Macron.', 'We are ready', 'Emmanuel Macron'],
		['guillemets', '«Nous sommes prêts», a declaration Macron told reporters about.', 'Nous sommes prêts', 'Emmanuel Macron'],
		['"X told reporters"', '"The talks went well," Macron told reporters.', 'The talks went well', 'Emmanuel Macron'],
		['British punctuation', '"The details still have to be settled", he concluded.', 'The details still have to be settled', 'Dmitry Peskov'],
		['a role speaker', '"We see no threat," the Ukrainian leader said.', 'We see no threat', 'Volodymyr Zelensky'],
		['a title without a name', '"The meeting was useless," the Kremlin spokesman said.', 'The meeting was useless', 'Dmitry Peskov'],
		['speaker before, partial', 'Zelensky said the US is “under the influence of the Russian narrative.”', 'under the influence of the Russian narrative', 'Volodymyr Zelensky'],
		['"According to X"', 'According to Macron, there is a "brotherhood of souls and weapons" between them.', 'brotherhood of souls and weapons', 'Emmanuel Macron'],
		['a participle: "X told Le Figaro, adding"', 'Macron told Le Figaro that the plan was sound, adding "nobody loses from it."', 'nobody loses from it', 'Emmanuel Macron'],
		['a participle: "X telling Y, "...""', 'Peskov spoke on the radio, telling Zelensky, "You will not win."', 'You will not win.', 'Dmitry Peskov'],
		['a dash: "- says X"', 'Macron is not just a friend - he is a strategist - says French foreign policy expert Rim Momtaz.', 'Macron is not just a friend - he is a strategist', 'Rim Momtaz'],
		['a dash: "- noted director X"', 'He has become a friend - noted director Bernard-Henri Levy, who made a film.', 'He has become a friend', 'Bernard-Henri Levy'],
	])('%s', (_pattern, body, text, speaker) => {
		const quotes = quotesOf(intro + body);
		expect(quotes.map((quote) => quote.text)).toContain(text);
		expect(quotes.find((quote) => quote.text === text)?.speaker).toBe(speaker);
	});

	it('gives a pronoun speaker to the nearest person named before', () => {
		const quotes = quotesOf(`${intro}Peskov dismissed the meeting.\n\n"Unfortunately we see a focus on war," he said.`);
		expect(quotes[0]).toMatchObject({text: 'Unfortunately we see a focus on war', speaker: 'Dmitry Peskov'});
	});

	it('gives a paragraph that continues a quote to the previous speaker', () => {
		const quotes = quotesOf(`${intro}"We discussed the initiative," Zelensky said.\n\n"We considered practical steps for its implementation."`);
		expect(quotes.map((quote) => quote.speaker)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky']);
		expect(quotes[1]!.text).toBe('We considered practical steps for its implementation.');
	});

	it('gives a second quote in the same paragraph to the same speaker', () => {
		const quotes = quotesOf(`${intro}“Not only they are aggressors,” he said. “That’s their style.”`);
		expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([['Not only they are aggressors', 'Dmitry Peskov'], ['That’s their style.', 'Dmitry Peskov']]);
	});

	it('gives each partial quote of a sentence to its speaker', () => {
		const quotes = quotesOf(`${intro}“I believe they are wrong,” the Ukrainian leader said, adding that the statements “do not bring us closer to peace” and “will weaken pressure.”`);
		expect(quotes.map((quote) => [quote.text, quote.partial])).toEqual([['I believe they are wrong', false], ['do not bring us closer to peace', true], ['will weaken pressure', true]]);
		expect(new Set(quotes.map((quote) => quote.speaker))).toEqual(new Set(['Volodymyr Zelensky']));
	});

	it('marks fragments and cut quotes as partial', () => {
		const quotes = quotesOf(`${intro}"(W)e discussed the French initiative," Zelensky said.`);
		expect(quotes[0]).toMatchObject({partial: true});
	});

	it('reads an embedded post with its signature: speaker, channel and date', () => {
		const quotes = quotesOf(`${intro}What Zelensky said\n\nI spoke with the President of France today.\n\n\n\nIt is important that we… — Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) April 16, 2025`);
		expect(quotes.map((quote) => ({...quote, speaker: quote.speaker.replace(/y+$/, '')}))).toEqual([
			{text: 'I spoke with the President of France today.', speaker: 'Volodymyr Zelensk', partial: false, channel: 'X', date: '2025-04-16'},
			{text: 'It is important that we…', speaker: 'Volodymyr Zelensk', partial: true, channel: 'X', date: '2025-04-16'},
		]);
	});

	it('takes the date a dash attribution gives', () => {
		const quotes = quotesOf(`${intro}He has changed - and this time for real - said Volodymyr Zelensky about Macron in 2023.`);
		expect(quotes[0]).toMatchObject({text: 'He has changed - and this time for real', date: '2023'});
	});

	it('reads the channel from the attribution', () => {
		const quotes = quotesOf(`${intro}"Russia uses every night to kill," Zelensky said in a Telegram post.`);
		expect(quotes[0]!.channel).toBe('Telegram');
	});

	it('takes no scare quotes, names or terms in quotation marks for quotes', () => {
		const quotes = quotesOf(`${intro}Britain and France lead a "coalition of the willing" with a "reassurance force." Soldiers turned his name into a verb - "Macronize", which means "to talk a lot but do little." A special "frontline solidarity" began. The so-called "grain deal" stalled.`);
		expect(quotes).toEqual([]);
	});
});
