import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {splitSentences} from '../../source/ingest/sentences.js';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
	it('splits at full stops, question and exclamation marks', () => {
		expect(texts('One. Two? Three! Four')).toEqual(['One.', 'Two?', 'Three!', 'Four']);
	});

	it('keeps abbreviations, dotted initials and dates whole', () => {
		expect(texts('U.S. Secretary of State Marco Rubio met Dr. Smith on Jan. 13 in St. Petersburg. Then he left.'))
			.toEqual(['U.S. Secretary of State Marco Rubio met Dr. Smith on Jan. 13 in St. Petersburg.', 'Then he left.']);
		expect(texts('Donald J. Trump spoke. The U.K. Prime Minister listened.')).toEqual(['Donald J. Trump spoke.', 'The U.K. Prime Minister listened.']);
	});

	it('ends a sentence after an abbreviation when a sentence plainly starts', () => {
		expect(texts('He wants support from the U.S. The talks go on.')).toEqual(['He wants support from the U.S.', 'The talks go on.']);
	});

	it('keeps closing quotation marks with their sentence', () => {
		expect(texts('“We are ready.” He left. “Not yet,” she said.')).toEqual(['“We are ready.”', 'He left.', '“Not yet,” she said.']);
	});

	it('does not split at an ellipsis followed by a lower-case word', () => {
		expect(texts('We must put pressure on the killers... to end this war. Next.')).toEqual(['We must put pressure on the killers... to end this war.', 'Next.']);
		expect(texts('It is important that we… — Jan Novak (@JanNovak)')).toHaveLength(1);
	});

	it('gives offsets in the original text', () => {
		const text = 'Prefix. Alpha beta.  Gamma delta?';
		for (const sentence of splitSentences(text.slice(8), 8)) {
			expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
		}
	});

	it('covers every non-space character exactly once, whatever the text', () => {
		fc.assert(fc.property(fc.string({maxLength: 200}), (text) => {
			const sentences = splitSentences(text);
			let last = 0;
			for (const sentence of sentences) {
				expect(sentence.start).toBeGreaterThanOrEqual(last);
				expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
				expect(text.slice(last, sentence.start).trim()).toBe('');
				last = sentence.end;
			}

			expect(text.slice(last).trim()).toBe('');
		}));
	});
});
