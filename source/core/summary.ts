import {countDataset, type LinkedDataset} from './linked.js';
import {formatDateText} from './edtf.js';
import {sanitizeInline} from './sanitize.js';

/** A plain-text overview of a dataset: what the dashboard shows, for pipes and scripts. */
export function summarizeDataset(linked: LinkedDataset, name: string, latest = 10): string[] {
	const counts = countDataset(linked.dataset);
	const dated = linked.events.filter((event) => event.date !== null);
	const period = dated.length > 0
		? `${formatDateText(dated[0]!.date)} to ${formatDateText(dated.at(-1)!.date)}`
		: 'no dated events';
	const lines = [
		`${sanitizeInline(name)}: ${counts.sources} sources, ${counts.actors} actors, ${counts.events} events, ${counts.quotes} quotes`,
		`As of ${formatDateText(linked.asOf)}; events from ${period}`,
	];

	const byInvolvement = [...linked.actors]
		.map((actor) => ({actor, weight: (linked.eventsByActor.get(actor.id)?.length ?? 0) + (linked.quotesByActor.get(actor.id)?.length ?? 0)}))
		.sort((a, b) => b.weight - a.weight || a.actor.name.localeCompare(b.actor.name))
		.slice(0, 8);
	if (byInvolvement.length > 0) {
		lines.push('', 'Most involved');
		for (const {actor} of byInvolvement) {
			const role = actor.role ? `, ${sanitizeInline(actor.role)}` : '';
			lines.push(`  ${sanitizeInline(actor.name)}${role}`);
		}
	}

	const recent = linked.events.filter((event) => event.date !== null).slice(-latest).reverse();
	if (recent.length > 0) {
		lines.push('', 'Latest events');
		for (const event of recent) {
			const mark = event.status === 'occurred' ? '' : ` (${event.status})`;
			lines.push(`  ${formatDateText(event.date).padEnd(12)} ${sanitizeInline(event.title)}${mark}`);
		}
	}

	return lines;
}
