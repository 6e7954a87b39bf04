import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {checkRecord} from '../../source/core/check.js';
import {type RecordType, recordKeys} from '../../source/core/contract.js';
import {ActorSchema, EventSchema, QuoteSchema, SourceSchema} from '../../source/core/schema.js';
import {generateDataset} from '../../source/tools/generate.js';

/**
 * The fast checker decides alone only that a record is valid; zod decides everything else. So it
 * may be stricter than the schema, never more lenient: whatever it accepts, zod accepts with the
 * same output.
 */

const schemas = {source: SourceSchema, actor: ActorSchema, event: EventSchema, quote: QuoteSchema} as const;
const sample = generateDataset({events: 40, seed: 3});
const valid: Record<RecordType, ReadonlyArray<Record<string, unknown>>> = {
	source: sample.sources, actor: sample.actors, event: sample.events, quote: sample.quotes,
};

/** Values a field could wrongly hold: of every JSON type, edge strings and numbers. */
const oddValue = fc.oneof(
	fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, Number.NaN, '', ' ', '\n', 'x', 'X', 'a-b', 'a--b', '-a', 'A1', 'UA', 'ua', 'U',
		'2025', '2025-02-30', '2025-13', '2025-21', '2025-04-17~', '0000', 'person', 'place', 'scheduled', 'rumoured', [], [''], ['a'], [1], {}, {source: 'a'}),
	fc.string(),
	fc.integer(),
	fc.array(fc.string(), {maxLength: 3}),
);

function mutate(record: Record<string, unknown>, key: string, value: unknown, mode: 'set' | 'delete' | 'add'): Record<string, unknown> {
	const copy = structuredClone(record);
	if (mode === 'delete') {
		delete copy[key];
	} else if (mode === 'add') {
		copy.unexpected = value;
	} else {
		copy[key] = value;
	}

	return copy;
}

describe('checkRecord', () => {
	it('accepts the valid records of a generated dataset, as zod does', () => {
		for (const type of ['source', 'actor', 'event', 'quote'] as const) {
			for (const record of valid[type]) {
				expect(checkRecord(type, structuredClone(record))).toBe(true);
			}
		}
	});

	it('fills in a missing lang with "en", as the schema\'s default does', () => {
		const {lang: _lang, ...source} = sample.sources[0]!;
		const record: Record<string, unknown> = {...source};
		expect(checkRecord('source', record)).toBe(true);
		expect(record).toEqual(SourceSchema.parse(source));
	});

	for (const type of ['source', 'actor', 'event', 'quote'] as const) {
		it(`never accepts a ${type} that zod rejects, and gives what zod gives when it accepts`, () => {
			const keys = [...recordKeys[type], 'evidence.source', 'evidence.exact', 'evidence.start', 'evidence.end'];
			fc.assert(fc.property(fc.nat(valid[type].length - 1), fc.constantFrom(...keys), oddValue, fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<'set' | 'delete' | 'add'>, (position, key, value, mode) => {
				let record = structuredClone(valid[type][position]!) as Record<string, unknown>;
				if (key.startsWith('evidence.')) {
					const field = key.slice('evidence.'.length);
					const evidence = record.evidence;
					if (Array.isArray(evidence)) {
						evidence[0] = mutate(evidence[0] as Record<string, unknown>, field, value, mode);
					} else if (evidence) {
						record.evidence = mutate(evidence as Record<string, unknown>, field, value, mode);
					}
				} else {
					record = mutate(record, key, value, mode);
				}

				const input = structuredClone(record);
				const zod = schemas[type].safeParse(input);
				if (checkRecord(type, record)) {
					expect(zod.success, JSON.stringify(input)).toBe(true);
					expect(record).toEqual(zod.data);
				}
			}), {numRuns: 3000});
		});
	}

	it('leaves to zod what is not an object', () => {
		for (const value of [null, [], 'record', 1, undefined]) {
			expect(checkRecord('event', value)).toBe(false);
		}
	});
});
