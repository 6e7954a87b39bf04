import path from 'node:path';
import {composeBrief, htmlPage} from '../core/brief.js';
import {type BriefRequest, resolveBrief} from '../core/brief-request.js';
import type {LinkedDataset} from '../core/linked.js';
import type {SearchIndex} from '../core/search.js';
import {backupFile, describeWriteError, writeFileAtomic} from '../io/atomic.js';
import {type Format, pageDefaults, renderBrief} from './print.js';

/**
 * What `w` in the dashboard's briefing preview does: the same page `briefing print` makes,
 * written safely. Loaded after the first frame.
 */
export function writeBrief(linked: LinkedDataset, index: () => SearchIndex, file: string, request: BriefRequest): string {
	const target = path.resolve(file);
	const extension = path.extname(target).toLowerCase();
	const format: Format = extension === '.html' || extension === '.htm' ? 'html' : extension === '.json' ? 'json' : extension === '.txt' ? 'text' : 'markdown';
	const resolved = resolveBrief(linked, index, request);
	const page = format === 'html' ? htmlPage : pageDefaults;
	const brief = composeBrief(linked, resolved.selection, {
		title: resolved.title,
		...(resolved.scope ? {scope: resolved.scope} : {}),
		pinned: new Set((request.pinned ?? []).map((pin) => pin.id)),
		lines: page.lines,
		width: page.width,
	});
	try {
		const backup = backupFile(target);
		writeFileAtomic(target, renderBrief(brief, format, page.width));
		return `Wrote ${target}${backup ? ` (the previous version is in ${path.basename(backup)})` : ''}`;
	} catch (error) {
		return describeWriteError(error, target);
	}
}
