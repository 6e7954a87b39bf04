import {describe, expect, it} from 'vitest';
import {cleanArticle} from '../../source/ingest/clean.js';

const kinds = (text: string) => cleanArticle(text).blocks.map((block) => `${block.kind}: ${block.text}`);

describe('cleanArticle', () => {
	it('keeps every block at its offsets in the original text', () => {
		const text = ' date 2025-04-17 Headline of the day\n\nSkip to content\nFirst paragraph. Second sentence.\r\n\r\nAnother paragraph here.\n';
		const {blocks} = cleanArticle(text);
		for (const block of blocks) {
			expect(text.slice(block.start, block.end)).toBe(block.text);
		}
	});

	it('reads a header line with the date and keeps the rest of the line as the headline', () => {
		const {metadata, blocks} = cleanArticle(' date 2025-04-17 Ukraine’s leader urges pressure on Russia\n\nHe spoke on Thursday.');
		expect(metadata.published).toBe('2025-04-17');
		expect(metadata.title).toBe('Ukraine’s leader urges pressure on Russia');
		expect(blocks[0]!.kind).toBe('title');
	});

	it('keeps a lede on the date line as a paragraph, not a headline', () => {
		const {metadata, blocks} = cleanArticle(' date 2025-03-27 The president said he believed his partners should show strength.\n\nMore text.');
		expect(metadata.title).toBeNull();
		expect(blocks[0]!.kind).toBe('paragraph');
	});

	it('reads date:, title: and source: header lines, and the outlet from the address', () => {
		const {metadata} = cleanArticle('date: 2025-03-06\ntitle: Talks resume in Geneva\nsource: https://www.reuters.com/world/talks\n\nBody text here.');
		expect(metadata).toMatchObject({published: '2025-03-06', title: 'Talks resume in Geneva', url: 'https://www.reuters.com/world/talks', outlet: 'Reuters'});
	});

	it('reads YAML front matter', () => {
		const {metadata, blocks} = cleanArticle('---\ntitle: "A quiet border"\ndate: 2024-11-02\nauthor: Jane Roe\nlang: en-GB\n---\n\nThe border was quiet.');
		expect(metadata).toMatchObject({title: 'A quiet border', published: '2024-11-02', author: 'Jane Roe', lang: 'en-GB'});
		expect(blocks.map((block) => block.text)).toEqual(['The border was quiet.']);
	});

	it('reads a byline with a date and a time, and drops it', () => {
		const {metadata, blocks, dropped} = cleanArticle('Leaders meet in Paris\n\nby Volodymyr Ivanyshyn January 14, 2025 2:13 AM 2 min read\nThe leaders met.');
		expect(metadata).toMatchObject({author: 'Volodymyr Ivanyshyn', published: '2025-01-14', title: 'Leaders meet in Paris'});
		expect(blocks.map((block) => block.kind)).toEqual(['title', 'paragraph']);
		expect(dropped.map((item) => item.reason)).toContain('byline');
	});

	it('says published is null when the article has no date, never today', () => {
		const {metadata} = cleanArticle('The leaders met in 2019. They met again in March 2024.');
		expect(metadata.published).toBeNull();
	});

	it('drops navigation, share bars, newsletter prompts and a News Feed sidebar without losing text', () => {
		const text = [
			'Skip to content', 'Edit post', 'Share on Facebook | Twitter | Email', '',
			'The talks ended late on Friday.', '', 'Enter your email to subscribe', '* indicates required', '',
			'A second paragraph of the article.', '', 'News Feed', '', '10:55 AM', '', 'Unrelated story about storms.', 'MORE NEWS',
		].join('\n');
		expect(kinds(text)).toEqual(['paragraph: The talks ended late on Friday.', 'paragraph: A second paragraph of the article.']);
	});

	it('drops a "More news" sidebar and a related-story card', () => {
		const text = 'The vote passed on Monday.\n\nOfficials welcomed it.\n\nMinister plans visit to discuss the vote, agency reports\nIt would be her first visit.\n\nThe opposition objected.\n\nMore news\nFlooding closes roads';
		expect(kinds(text)).toEqual(['paragraph: The vote passed on Monday.', 'paragraph: Officials welcomed it.', 'paragraph: The opposition objected.']);
	});

	it('cuts photo credits off captions and keeps the caption apart from the text', () => {
		const {blocks, dropped} = cleanArticle('Ana Lungu greets a visitor in Chisinau. Photo: Moldovan Presidency\n\nThe visit lasted two hours.\n\nThe president waves (Jane Doe - Corbis via Getty Images)');
		expect(blocks.map((block) => `${block.kind}: ${block.text}`)).toEqual([
			'caption: Ana Lungu greets a visitor in Chisinau.',
			'paragraph: The visit lasted two hours.',
			'caption: The president waves',
		]);
		expect(dropped.filter((item) => item.reason === 'photo credit')).toHaveLength(2);
	});

	it('takes position markers as a caption', () => {
		expect(kinds('Leader A (L) and leader B (R) in the capital on May 2, 2025.')[0]).toMatch(/^caption:/);
	});

	it('joins hard-wrapped Markdown lines into paragraphs and takes the first heading as the title', () => {
		const lines = [
			'# A corridor to the sea',
			'',
			'Moldova and Ukraine signed a grain transit agreement in Chisinau on March 4, with President Ana',
			'Lungu hosting the foreign minister of Ukraine for the first time since the war began in 2022.',
			'',
			'The agreement has been negotiated since February 2024. Late on March 5, the Moldovan parliament',
			'approved it in a first reading, and the government said trains would start running in weeks.',
			'',
			'Farmers on both sides of the border said they were waiting for the first train to leave soon.',
			'Traders expect the price of wheat to fall once the route opens, according to a local survey.',
		].join('\n');
		const {metadata, blocks} = cleanArticle(lines);
		expect(metadata.title).toBe('A corridor to the sea');
		expect(blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(3);
		expect(blocks[1]!.text).toContain('President Ana\nLungu hosting');
	});

	it('finds the outlet when the text names itself', () => {
		expect(cleanArticle('The leaders call each other directly. This is written by a newspaper, reports UNN.\n\nMore.').metadata.outlet).toBe('UNN');
		expect(cleanArticle('They studied together. This is reported by the Nistru Herald.').metadata.outlet).toBe('Nistru Herald');
	});

	it('drops a dateline in capitals', () => {
		const result = cleanArticle('PARIS\n\nThe talks began.');
		expect(result.dateline).toBe('PARIS');
		expect(result.blocks.map((block) => block.text)).toEqual(['The talks began.']);
	});

	it('keeps a paragraph ending in an embedded post signature', () => {
		expect(kinds('It is important that we… — Jan Novak (@JanNovak) April 17, 2025')[0]).toMatch(/^paragraph:/);
	});
});
