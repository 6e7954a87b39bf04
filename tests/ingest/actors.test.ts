import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type ArticleActors, findActors, type KnownActor, type TextUnit} from '../../source/ingest/actors.js';
import {type AliasLexicon, buildLexicon, handleWords, nameKey, personKey, placeKey, readableSlug} from '../../source/ingest/names.js';
import {splitSentences} from '../../source/ingest/sentences.js';
import {repoRoot} from '../helpers/cli.js';

const lexicon = buildLexicon(JSON.parse(readFileSync(path.join(repoRoot, 'data', 'aliases.json'), 'utf8')) as AliasLexicon);

function actorsOf(text: string, known: KnownActor[] = []): ArticleActors {
	const units: TextUnit[] = [];
	let offset = 0;
	for (const [block, paragraph] of text.split('\n\n').entries()) {
		for (const sentence of splitSentences(paragraph, offset)) {
			units.push({...sentence, block, caption: false});
		}

		offset += paragraph.length + 2;
	}

	return findActors(units, {lexicon, known});
}

const find = (result: ArticleActors, name: string) => result.actors.find((actor) => actor.name === name);

describe('name keys', () => {
	it.each([
		['Zelensky', ['Zelenskyy', 'Zelenskiy', 'Зеленський', 'ZELENSKY']],
		['Andrii Yermak', ['Andriy Yermak', 'Андрій Єрмак']],
		['Kryvyi Rih', ['Kryvyi Rig', 'Кривий Ріг']],
		['Sybiha', ['Sybiga', 'Сибіга']],
		['Hrytsenko', ['Gritsenko', 'Гриценко']],
		['Jean-Noël Barrot', ['Jean-Noel Barrot']],
	])('folds the spellings of %s to one key', (name, spellings) => {
		for (const spelling of spellings) {
			expect(nameKey(spelling), spelling).toBe(nameKey(name));
		}
	});

	it('keeps different names apart', () => {
		expect(nameKey('Zelenska')).not.toBe(nameKey('Zelensky'));
		expect(nameKey('Kharkiv')).not.toBe(nameKey('Kherson'));
	});

	it('joins through the lexicon what the rules cannot: Kiev and Kyiv, Vladimir and Volodymyr as given names', () => {
		expect(placeKey('Kiev', lexicon)).toBe(placeKey('Kyiv', lexicon));
		expect(placeKey('Kharkov', lexicon)).toBe(placeKey('Kharkiv', lexicon));
		expect(personKey('Vladimir Zelensky', lexicon)).toBe(personKey('Volodymyr Zelenskyy', lexicon));
		expect(personKey('Vladimir Putin', lexicon)).not.toBe(personKey('Volodymyr Zelensky', lexicon));
	});

	it('splits handles into words and makes readable slugs', () => {
		expect(handleWords('@EmmanuelMacron')).toBe('Emmanuel Macron');
		expect(readableSlug('Volodymyr Zelenskyy')).toBe('volodymyr-zelenskyy');
		expect(readableSlug('Володимир Зеленський')).toBe('volodymyr-zelenskyy');
		expect(readableSlug('Jean-Noël Barrot')).toBe('jean-noel-barrot');
	});
});

describe('findActors', () => {
	it('splits titles into roles', () => {
		const result = actorsOf('U.S. Secretary of State Marco Rubio met French President Emmanuel Macron. Kremlin spokesman Dmitry Peskov said nothing. Foreign Minister Andriy Sybiga was there, and so was France\'s Minister for Europe and Foreign Affairs Jean-Noel Barrot.');
		expect(find(result, 'Marco Rubio')).toMatchObject({kind: 'person', role: 'US Secretary of State', country: 'US'});
		expect(find(result, 'Emmanuel Macron')).toMatchObject({role: 'President of France', country: 'FR'});
		expect(find(result, 'Dmitry Peskov')).toMatchObject({role: 'Kremlin spokesman', country: 'RU'});
		expect(find(result, 'Andriy Sybiga')).toMatchObject({role: 'Foreign Minister'});
		expect(find(result, 'Jean-Noel Barrot')).toMatchObject({role: 'Minister for Europe and Foreign Affairs of France', country: 'FR'});
	});

	it('reads a role from an apposition', () => {
		const result = actorsOf('The details were disclosed by Andrii Yermak, Head of the Office of the President of Ukraine, on April 17.');
		expect(find(result, 'Andrii Yermak')?.role).toBe('Head of the Office of the President of Ukraine');
		expect(find(result, 'Office of the President of Ukraine')?.kind).toBe('organization');
	});

	it('resolves surnames, first names, handles and Cyrillic spellings to the full name', () => {
		const result = actorsOf('President Volodymyr Zelensky spoke with Emmanuel Macron. Zelensky thanked Emmanuel. He wrote on X: — Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) April 17, 2025');
		const zelensky = result.actors.filter((actor) => actor.kind === 'person' && actor.name.startsWith('Volodymyr'));
		expect(zelensky).toHaveLength(1);
		expect([...zelensky[0]!.spellings.keys()]).toEqual(expect.arrayContaining(['Zelensky', 'Volodymyr Zelenskyy', 'Володимир Зеленський', '@ZelenskyyUa']));
		expect([...find(result, 'Emmanuel Macron')!.spellings.keys()]).toContain('Emmanuel');
	});

	it('resolves role phrases through the roles seen in the text', () => {
		const result = actorsOf('Ukrainian President Volodymyr Zelenskyy met French President Emmanuel Macron. The Ukrainian leader thanked the French leader. Russian President Vladimir Putin was absent; the Kremlin chief stayed home.');
		const byRole = (text: string) => result.mentions.find((mention) => mention.text.toLowerCase() === text)?.key;
		expect(byRole('the ukrainian leader')).toBe(find(result, 'Volodymyr Zelenskyy')!.key);
		expect(byRole('the french leader')).toBe(find(result, 'Emmanuel Macron')!.key);
		expect(byRole('the kremlin chief')).toBe(find(result, 'Vladimir Putin')!.key);
	});

	it('resolves a possessive role to the person who holds it', () => {
		const result = actorsOf('Top officials came, President Volodymyr Zelensky\'s chief of staff said.\n\nWitkoff was to meet Zelensky\'s chief of staff Andriy Yermak.');
		const mention = result.mentions.find((each) => each.text === 'President Volodymyr Zelensky\'s chief of staff');
		expect(mention?.key).toBe(find(result, 'Andriy Yermak')!.key);
	});

	it('tells places by their cues and suffixes', () => {
		const result = actorsOf('Macron visited Irpin. A strike on Kryvyi Rih killed 19 people. Drones hit the cities of Sumy and Kryvyi Rig. Talks were held in Saint Petersburg and at the Elysee presidential palace, near Kursk Oblast.');
		for (const name of ['Irpin', 'Kryvyi Rih', 'Sumy', 'Saint Petersburg', 'Kursk Oblast']) {
			expect(find(result, name)?.kind, name).toBe('place');
		}

		expect([...find(result, 'Kryvyi Rih')!.spellings.keys()]).toContain('Kryvyi Rig');
		expect(result.actors.some((actor) => actor.kind === 'place' && actor.name.startsWith('Elysee'))).toBe(true);
	});

	it('reads a capital as the government when it acts, as the city when something happens there', () => {
		const result = actorsOf('Kyiv gave its backing to the idea. Negotiations with Moscow stalled. The Paris talks began in Paris.');
		expect([...result.actors.find((actor) => actor.key === 'country:UA')!.spellings.keys()]).toContain('Kyiv');
		expect([...result.actors.find((actor) => actor.key === 'country:RU')!.spellings.keys()]).toContain('Moscow');
		expect(find(result, 'Paris')?.kind).toBe('place');
	});

	it('finds organizations by their words, by a short list of bare names, and from phrases', () => {
		const result = actorsOf('Bloomberg reported it. NATO and the EU agreed. Ukraine\'s foreign ministry said so, and the French presidency confirmed. Ukrainian forces advanced. Fox News aired it. Macron\'s office said yes.');
		for (const name of ['Bloomberg', 'NATO', 'European Union', 'Foreign Ministry of Ukraine', 'French presidency', 'Armed Forces of Ukraine', 'Fox News']) {
			expect(find(result, name)?.kind, name).toBe('organization');
		}
	});

	it('resolves a surname alone to an actor already in the dataset', () => {
		const known: KnownActor = {id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], role: 'President of Russia', country: 'RU'};
		const result = actorsOf('Macron stopped communicating with Putin.', [known]);
		expect(result.actors.find((actor) => actor.known?.id === 'vladimir-putin')).toBeDefined();
	});

	it('makes no person of common capitalized words, platforms or names in quotation marks', () => {
		const result = actorsOf('Critics have dubbed it a joke. Everything is ready. He wrote on Telegram and WhatsApp. Soldiers turned his name into a verb - "Macronize".');
		expect(result.actors.filter((actor) => actor.kind === 'person').map((actor) => actor.name)).toEqual([]);
	});

	it('gives mentions at their offsets', () => {
		const text = 'French President Emmanuel Macron met Zelensky in Paris.';
		const result = actorsOf(text);
		for (const mention of result.mentions) {
			expect(text.slice(mention.start, mention.end)).toBe(mention.text);
		}
	});
});
