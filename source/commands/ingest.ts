import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {normalizeDataset, parseJsonText, validateDataset} from '../core/dataset.js';
import {terminalSafeJson} from '../core/json.js';
import {sanitizeInline} from '../core/sanitize.js';
import type {Dataset} from '../core/schema.js';
import {
	type ArticleResult, emptyState, type FileReport, ingestArticle, type IngestState, makeContext, mergeIntoDataset,
} from '../ingest/index.js';
import type {AliasLexicon} from '../ingest/names.js';
import {backupFile, describeWriteError, writeFileAtomic} from '../io/atomic.js';
import {acquireLock, type Lock, removeStrayTemporaries} from '../io/lock.js';
import {exitCode, printError, printLine, printProblems} from '../io/output.js';
import {bundledDataDirectory, datasetFileName, decodeUtf8, readDataset} from '../io/read-dataset.js';
import type {CommandContext} from './table.js';

/** Articles larger than this are refused: no news article is, and reading one would take long. */
export const maxArticleBytes = 10 * 1024 * 1024;
export const stateFileName = 'ingest-state.json';
export const aliasFileName = 'aliases.json';
/** How long a second ingest waits for the first to finish before it refuses. */
const lockWaitMs = (): number => {
	const value = Number(process.env.BRIEFING_LOCK_WAIT_MS);
	return Number.isFinite(value) && value >= 0 ? value : 5000;
};

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

const articleExtensions = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd', '']);

type Where = {datasetFile: string; stateFile: string; folder: string; exists: boolean};

/** Where the dataset and its ingest state are, from `--data`. */
function locate(dataPath: string): Where | string {
	let stats;
	try {
		stats = statSync(dataPath);
	} catch {
		stats = undefined;
	}

	if (stats?.isDirectory()) {
		const datasetFile = path.join(dataPath, datasetFileName);
		const exists = existsSync(datasetFile);
		if (!exists) {
			const others = readdirSync(dataPath).filter((name) => !name.startsWith('.') && ![stateFileName, `${datasetFileName}.bak`, aliasFileName].includes(name));
			if (others.length > 0) {
				return `${dataPath}: the folder has no ${datasetFileName} and is not empty: pass --data with an empty or new folder, or one that has a ${datasetFileName}`;
			}
		}

		return {datasetFile, stateFile: path.join(dataPath, stateFileName), folder: dataPath, exists};
	}

	if (stats?.isFile() || /\.json$/i.test(dataPath)) {
		const folder = path.dirname(dataPath);
		const base = path.basename(dataPath);
		const stateFile = base === datasetFileName ? path.join(folder, stateFileName) : path.join(folder, `${base.replace(/\.json$/i, '')}.${stateFileName}`);
		return {datasetFile: dataPath, stateFile, folder, exists: Boolean(stats?.isFile())};
	}

	// A new folder.
	return {datasetFile: path.join(dataPath, datasetFileName), stateFile: path.join(dataPath, stateFileName), folder: dataPath, exists: false};
}

type Candidate = {file: string; shown: string};

/** The files named on the command line, folders walked in name order; hidden entries are skipped. */
function collect(inputs: readonly string[], failures: Array<{shown: string; reason: string}>): Candidate[] {
	const found: Candidate[] = [];
	const seen = new Set<string>();
	const add = (file: string): void => {
		const key = path.resolve(file);
		if (!seen.has(key)) {
			seen.add(key);
			found.push({file, shown: file});
		}
	};

	const walk = (folder: string): void => {
		let entries;
		try {
			entries = readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch (error) {
			failures.push({shown: folder, reason: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`});
			return;
		}

		for (const entry of entries) {
			if (entry.name.startsWith('.')) {
				continue;
			}

			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				walk(full);
			} else if (entry.isFile() || entry.isSymbolicLink()) {
				add(full);
			}
		}
	};

	for (const input of inputs) {
		let stats;
		try {
			stats = statSync(input);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			failures.push({shown: input, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read it: ${code ?? String(error)}`});
			continue;
		}

		if (stats.isDirectory()) {
			walk(input);
		} else {
			add(input);
		}
	}

	return found;
}

/** Why a file cannot be ingested, or its text. */
function readArticle(file: string): {ok: true; text: string} | {ok: false; reason: string} {
	const extension = path.extname(file).toLowerCase();
	if (!articleExtensions.has(extension)) {
		return {ok: false, reason: `unsupported file type ${extension}: ingest reads plain text (.txt) and Markdown (.md) articles`};
	}

	let size: number;
	try {
		size = statSync(file).size;
	} catch (error) {
		return {ok: false, reason: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`};
	}

	if (size > maxArticleBytes) {
		return {ok: false, reason: `too large: ${(size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit for one article`};
	}

	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {ok: false, reason: code === 'EACCES' || code === 'EPERM' ? 'permission denied: check the file\'s permissions' : `cannot read it: ${code ?? String(error)}`};
	}

	if (bytes.length === 0) {
		return {ok: false, reason: 'empty file'};
	}

	const head = bytes.subarray(0, 8192);
	let controls = 0;
	for (const byte of head) {
		if (byte === 0) {
			return {ok: false, reason: 'binary file (it contains NUL bytes), not text'};
		}

		if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) {
			controls++;
		}
	}

	if (controls > head.length / 10) {
		return {ok: false, reason: 'binary file (mostly control bytes), not text'};
	}

	const decoded = decodeUtf8(bytes, file);
	if (!decoded.ok) {
		const problem = decoded.problems[0]!;
		return {ok: false, reason: problem.path ? `${problem.message} (${problem.path})` : problem.message};
	}

	if (decoded.value.replace(/^\uFEFF/, '').trim() === '') {
		return {ok: false, reason: 'empty file (only white space)'};
	}

	// A decoder may drop the byte-order mark silently; ingest removes it itself and says so.
	const bom = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
	return {ok: true, text: bom && !decoded.value.startsWith('\uFEFF') ? `\uFEFF${decoded.value}` : decoded.value};
}

function loadJson(file: string): unknown {
	if (!existsSync(file)) {
		return undefined;
	}

	const parsed = parseJsonText(readFileSync(file, 'utf8'), file);
	return parsed.ok ? parsed.value : null;
}

/** The bundled alias lexicon, with a data folder's own `aliases.json` added to it. */
function loadAliases(folder: string): AliasLexicon {
	const bundled = loadJson(path.join(bundledDataDirectory, aliasFileName)) as AliasLexicon | undefined | null;
	const own = path.resolve(folder) === path.resolve(bundledDataDirectory) ? undefined : loadJson(path.join(folder, aliasFileName)) as AliasLexicon | undefined | null;
	return {
		places: [...(bundled?.places ?? []), ...(own?.places ?? [])],
		givenNames: [...(bundled?.givenNames ?? []), ...(own?.givenNames ?? [])],
	};
}

/**
 * The dataset and its state are two files, so they are written in an order that a kill at any
 * moment cannot make inconsistent: the new state goes to `STATE.pending` (naming the SHA-256 of the
 * dataset it belongs to), then the dataset is replaced, then the pending state is renamed over the
 * state. A pending state whose dataset is the one on disk is the state to use; any other is from a
 * run killed before its dataset was written, and is ignored (and removed by the next write).
 */
function pendingFile(stateFile: string): string {
	return `${stateFile}.pending`;
}

function loadState(file: string, datasetText: string | null): IngestState {
	const pending = loadJson(pendingFile(file)) as {datasetSha256?: unknown} | null | undefined;
	if (pending && typeof pending === 'object' && datasetText !== null && pending.datasetSha256 === sha256(datasetText)) {
		file = pendingFile(file);
	}

	const value = loadJson(file);
	if (value === undefined) {
		return emptyState();
	}

	if (value === null || typeof value !== 'object' || (value as IngestState).version !== 1) {
		printError(`briefing ingest: ${file}: not a valid ingest state; every record in the dataset is treated as edited by a person, so none is changed`);
		return emptyState();
	}

	return {...emptyState(), ...(value as IngestState)};
}

/** The state as JSON with its keys sorted, so that the same state is always the same bytes. */
function stateJson(state: IngestState, datasetText: string): string {
	const sorted = (record: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return `${JSON.stringify({
		version: 1,
		datasetSha256: sha256(datasetText),
		sources: sorted(state.sources),
		records: sorted(state.records),
		roleAsOf: sorted(state.roleAsOf),
		reviewed: [...state.reviewed].sort(),
		suggestions: state.suggestions,
	}, null, 2)}\n`;
}

/**
 * A write error injected for tests (`BRIEFING_TEST_FAULT=ingest-write:<point>` with the point
 * `after-pending`, `after-backup` or `after-dataset`), standing in for a disk that fills up there.
 */
function faultPoint(point: string): void {
	if (process.env.BRIEFING_TEST_FAULT === `ingest-write:${point}`) {
		throw Object.assign(new Error(`ENOSPC: no space left on device (fault injected by BRIEFING_TEST_FAULT at ${point})`), {code: 'ENOSPC'});
	}
}

/** A write error's message, saying that nothing was changed (once). */
function unchanged(message: string): string {
	return message.includes('nothing was changed') ? message : `${message}; nothing was changed`;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeReport(report: FileReport): string {
	if (report.status === 'unchanged' && report.added.source === 0 && report.added.actors + report.added.events + report.added.quotes + report.merged.events + report.merged.quotes === 0) {
		return report.notes[0] ?? 'unchanged';
	}

	const added = [
		...(report.added.source ? ['1 source'] : []),
		plural(report.added.actors, 'actor'),
		plural(report.added.events, 'event'),
		plural(report.added.quotes, 'quote'),
	].join(', ');
	const merged = `${plural(report.merged.actors, 'actor')}, ${plural(report.merged.events, 'event')}${report.merged.quotes > 0 ? `, ${plural(report.merged.quotes, 'quote')}` : ''}`;
	const skipped = `${report.skipped} already recorded${report.beside > 0 ? `, ${report.beside} added beside records a person edited` : ''}`;
	return `added ${added}; merged with known ${merged}; skipped ${skipped}`;
}

/** A progress bar on stderr, only for a terminal and more than a few files. */
function progress(total: number): {step: (done: number, name: string) => void; end: () => void} {
	const show = process.stderr.isTTY === true && total > 5;
	if (!show) {
		return {step() {/* Not a terminal. */}, end() {/* Not a terminal. */}};
	}

	const width = 24;
	return {
		step(done: number, name: string) {
			const filled = Math.round(width * done / total);
			const label = sanitizeInline(name).slice(0, 40);
			process.stderr.write(`\r\u001B[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
		},
		end() {
			process.stderr.write('\r\u001B[2K');
		},
	};
}

export async function run({input, flags}: CommandContext): Promise<number> {
	if (input.length === 0) {
		printError('briefing ingest: name at least one article file or folder: briefing ingest PATH... (see briefing ingest --help)');
		return exitCode.usage;
	}

	const dataPath = (flags.data as string | undefined) ?? bundledDataDirectory;
	if (dataPath === '-' || dataPath === '/dev/stdin') {
		printError('briefing ingest: --data must be a folder or a dataset file that ingest can write, not standard input');
		return exitCode.usage;
	}

	const where = locate(dataPath);
	if (typeof where === 'string') {
		printError(`briefing ingest: ${where}`);
		return exitCode.usage;
	}

	const dryRun = flags.dryRun === true;
	// A dry run only reads, and every write is atomic, so it needs no lock.
	let lock: Lock | undefined;
	if (!dryRun) {
		try {
			mkdirSync(where.folder, {recursive: true});
			const taken = await acquireLock(where.folder, lockWaitMs());
			if (!('release' in taken)) {
				const holder = taken.holder ? ` (pid ${taken.holder.pid})` : '';
				printError(`briefing ingest: ${where.folder} is being updated by another briefing${holder}; try again when it finishes`);
				return exitCode.failure;
			}

			lock = taken;
		} catch (error) {
			printError(`briefing ingest: ${unchanged(describeWriteError(error, where.datasetFile))}`);
			return exitCode.failure;
		}
	}

	const onSignal = (signal: NodeJS.Signals): void => {
		lock?.release();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};

	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		if (lock) {
			removeStrayTemporaries(where.folder);
		}

		// Where things are is looked at again under the lock: the run before may have made the dataset.
		const current = locate(dataPath);
		if (typeof current === 'string') {
			printError(`briefing ingest: ${current}`);
			return exitCode.usage;
		}

		return await ingestLocked(input, flags, current, dryRun);
	} finally {
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
		lock?.release();
	}
}

async function ingestLocked(input: readonly string[], flags: CommandContext['flags'], where: Where, dryRun: boolean): Promise<number> {
	let dataset: Dataset = {version: 1, sources: [], actors: [], events: [], quotes: []};
	if (where.exists) {
		const loaded = readDataset(where.datasetFile);
		if (!loaded.ok) {
			printProblems(loaded.problems);
			printError('briefing ingest: the dataset is not valid, so nothing was ingested: fix it first (see briefing validate)');
			return exitCode.failure;
		}

		dataset = loaded.value.dataset;
	}

	const json = flags.json === true;
	const say = json ? (line: string) => process.stderr.write(`${line}\n`) : printLine;
	const failures: Array<{shown: string; reason: string}> = [];
	const candidates = collect(input, failures);
	const aliases = loadAliases(where.folder);
	const context = makeContext(dataset, aliases);
	const results: ArticleResult[] = [];
	const bar = progress(candidates.length);
	for (const [index, candidate] of candidates.entries()) {
		bar.step(index, path.basename(candidate.file));
		const article = readArticle(candidate.file);
		if (!article.ok) {
			failures.push({shown: candidate.shown, reason: article.reason});
			continue;
		}

		try {
			results.push(ingestArticle(article.text, path.basename(candidate.file), context));
		} catch (error) {
			failures.push({shown: candidate.shown, reason: `could not be read as an article: ${error instanceof Error ? error.message : String(error)}`});
		}
	}

	bar.end();
	const datasetBefore = where.exists ? readFileSync(where.datasetFile, 'utf8') : null;
	const state = loadState(where.stateFile, datasetBefore);
	const merged = mergeIntoDataset(dataset, results, state, context.lexicon);
	const validated = validateDataset(merged.dataset, where.datasetFile);
	if (!validated.ok) {
		printProblems(validated.problems);
		printError('briefing ingest: internal error: the merged dataset is not valid, so nothing was written; please report this with the articles');
		return exitCode.failure;
	}

	// What each file added, merged and skipped; printed once the dataset is safely written.
	const reportByFile = new Map<string, FileReport[]>();
	for (const report of merged.report.files) {
		reportByFile.set(report.file, [...(reportByFile.get(report.file) ?? []), report]);
	}

	const printReports = (): void => {
		for (const candidate of candidates) {
			if (failures.some((each) => each.shown === candidate.shown)) {
				continue;
			}

			const report = reportByFile.get(path.basename(candidate.file))?.shift();
			if (report) {
				say(`${sanitizeInline(candidate.shown)}: ${sanitizeInline(describeReport(report))}`);
				for (const note of report.status === 'unchanged' && report.notes.length === 1 ? [] : report.notes) {
					say(`  ${sanitizeInline(note)}`);
				}
			}
		}
	};

	const printFailures = (): void => {
		for (const failure of failures) {
			printError(`${failure.shown}: skipped: ${failure.reason}`);
		}
	};

	const document = normalizeDataset(merged.dataset);
	const text = `${terminalSafeJson(document)}\n`;
	const before = datasetBefore;
	const newState = stateJson(merged.state, text);
	const stateBefore = existsSync(where.stateFile) ? readFileSync(where.stateFile, 'utf8') : null;
	// With no article read there is nothing to add: the dataset is left exactly as it is on disk,
	// even where writing it out again would only change its layout.
	const changed = results.length > 0 && (before !== text || stateBefore !== newState);
	const counts = `${plural(document.sources.length, 'source')}, ${plural(document.actors.length, 'actor')}, ${plural(document.events.length, 'event')}, ${plural(document.quotes.length, 'quote')}`;
	const fileCount = `${plural(candidates.length + failures.filter((failure) => !candidates.some((candidate) => candidate.shown === failure.shown)).length, 'file')}: ${results.length} read, ${failures.length} failed`;

	if (dryRun) {
		printReports();
		printFailures();
		say(`${fileCount}; dry run, nothing written: the dataset would have ${counts}${changed ? '' : ' (no change)'}`);
	} else if (!changed) {
		printReports();
		printFailures();
		say(`${fileCount}; nothing changed in ${sanitizeInline(where.datasetFile)} (${counts})`);
	} else {
		const pending = pendingFile(where.stateFile);
		try {
			mkdirSync(path.dirname(where.datasetFile), {recursive: true});
			writeFileAtomic(pending, newState);
			faultPoint('after-pending');
			if (before !== text) {
				backupFile(where.datasetFile);
				faultPoint('after-backup');
				writeFileAtomic(where.datasetFile, text);
			}
		} catch (error) {
			rmSync(pending, {force: true});
			printFailures();
			printError(`briefing ingest: ${unchanged(describeWriteError(error, where.datasetFile))}`);
			return exitCode.failure;
		}

		try {
			faultPoint('after-dataset');
			renameSync(pending, where.stateFile);
		} catch (error) {
			printFailures();
			printError(`briefing ingest: ${describeWriteError(error, where.stateFile)}; the dataset was written and its state kept in ${pending}, which the next ingest uses`);
			return exitCode.failure;
		}

		printReports();
		printFailures();
		say(`${fileCount}; wrote ${sanitizeInline(where.datasetFile)} (${counts})${before === null ? '' : `, the previous version kept as ${sanitizeInline(where.datasetFile)}.bak`}`);
	}

	if (json) {
		process.stdout.write(text);
	}

	return failures.length > 0 ? exitCode.failure : exitCode.ok;
}
