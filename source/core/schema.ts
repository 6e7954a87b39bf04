import {z} from 'zod';
import {
	actorKinds, countryPattern, eventStatuses, slugPattern, tagPattern, textPattern,
} from './contract.js';
import {edtfHint, edtfPattern, parseEdtf} from './edtf.js';

export {actorKinds, eventStatuses} from './contract.js';

/**
 * The interchange format of `../shared/docs/data-model.md`, as the single source of truth: the
 * TypeScript types below are inferred from it and `data/schema.json` is emitted from it.
 */

const Text = z.string().regex(textPattern, {error: 'must not be empty'});

const Id = z
	.string()
	.regex(slugPattern, {error: 'must be a slug of lower-case letters, digits and single hyphens, like "volodymyr-zelensky"'})
	.describe('Stable, readable slug that does not change when data is re-ingested');

// The calendar check needs code; the pattern is emitted for tools that read only the JSON Schema.
const EdtfDateText = z
	.string()
	.superRefine((value, context) => {
		const result = parseEdtf(value);
		if (!result.ok) {
			context.addIssue({code: 'custom', message: result.reason});
		}
	})
	.meta({pattern: edtfPattern, description: `EDTF level-1 date: ${edtfHint}`});

export const EvidenceSchema = z
	.object({
		source: Id.describe('Source id'),
		exact: Text.describe('The supporting sentence, verbatim'),
		start: z.int().min(0).describe('Offset of exact in the source text, in UTF-16 code units'),
		end: z.int().min(0).describe('End offset of exact, exclusive'),
	})
	.strict()
	.superRefine((evidence, context) => {
		if (evidence.end - evidence.start !== evidence.exact.length) {
			context.addIssue({
				code: 'custom',
				path: ['end'],
				message: `end - start is ${evidence.end - evidence.start} but exact has ${evidence.exact.length} characters`,
			});
		}
	});

export const SourceSchema = z
	.object({
		id: Id,
		title: Text.nullable().describe('Headline as published'),
		outlet: Text.nullable().describe('Publication name'),
		author: Text.nullable().describe('Byline'),
		published: EdtfDateText.nullable().describe('Publication date'),
		url: Text.nullable().describe('Where it was published'),
		file: Text.nullable().describe('Base name of the file it was ingested from'),
		lang: Text.default('en').describe('BCP-47 language code'),
	})
	.strict();

export const ActorSchema = z
	.object({
		id: Id,
		name: Text.describe('Canonical display name'),
		kind: z.enum(actorKinds),
		aliases: z.array(Text).describe('Every other spelling seen or known'),
		role: Text.nullable().describe('Role as of the latest source'),
		country: z
			.string()
			.regex(countryPattern, {error: 'must be an ISO 3166-1 alpha-2 code such as "UA"'})
			.nullable()
			.describe('ISO 3166-1 alpha-2 code of the affiliation'),
	})
	.strict();

export const EventSchema = z
	.object({
		id: Id,
		date: EdtfDateText.nullable(),
		status: z.enum(eventStatuses),
		title: Text.describe('One line, in the project\'s own words'),
		summary: Text.describe('Two or three sentences, in the project\'s own words'),
		actors: z.array(Id).describe('Actor ids, most central first'),
		location: Text.nullable().describe('Place name, or the id of an actor of kind place'),
		tags: z.array(z.string().regex(tagPattern, {error: 'tags are lower-case words'})),
		evidence: z.array(EvidenceSchema).min(1, {error: 'an event needs at least one evidence entry'}),
	})
	.strict();

export const QuoteSchema = z
	.object({
		id: Id,
		text: Text.describe('Verbatim, without the surrounding quotation marks'),
		speaker: Id.describe('Actor id'),
		date: EdtfDateText.nullable(),
		channel: Text.nullable().describe('X, Telegram, press conference, interview, statement, ...'),
		event: Id.nullable().describe('Id of the event it was said at or about'),
		partial: z.boolean().describe('True when only a fragment of a sentence is quoted'),
		evidence: EvidenceSchema,
	})
	.strict();

export const DatasetSchema = z
	.object({
		version: z.literal(1, {error: 'must be 1, the only version of the format'}),
		sources: z.array(SourceSchema),
		actors: z.array(ActorSchema),
		events: z.array(EventSchema),
		quotes: z.array(QuoteSchema),
	})
	.strict()
	.describe('Briefing dataset, version 1');

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type ActorKind = Actor['kind'];
export type Event = z.infer<typeof EventSchema>;
export type EventStatus = Event['status'];
export type Quote = z.infer<typeof QuoteSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/** The JSON Schema of the dataset, for tools outside this project. */
export function datasetJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(DatasetSchema, {target: 'draft-2020-12', io: 'input', unrepresentable: 'any'});
	return {...schema, title: 'Briefing dataset'};
}
