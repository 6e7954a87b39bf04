import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {LinkedDataset} from '../core/dataset.js';
import {backupFile, describeWriteError, writeFileAtomic} from './atomic.js';

/** Pins persist per dataset in the user's state folder, written atomically. */

export type PinKind = 'event' | 'quote' | 'actor';
export type Pin = {readonly kind: PinKind; readonly id: string};

export type PinsLoad = {
	readonly pins: Pin[];
	/** One-line notices for the user: dropped pins, an unreadable file. */
	readonly notices: string[];
};

/** `$XDG_STATE_HOME/briefing`, else `~/.local/state/briefing`; undefined when there is no home. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME)) {
		return path.join(env.XDG_STATE_HOME, 'briefing');
	}

	const home = env.HOME ?? os.homedir();
	return home ? path.join(home, '.local', 'state', 'briefing') : undefined;
}

/** One file per dataset, named after where the dataset lives. */
export function pinsFile(datasetPath: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const folder = stateDirectory(env);
	if (!folder) {
		return undefined;
	}

	const resolved = path.resolve(datasetPath);
	const key = createHash('sha256').update(resolved).digest('hex').slice(0, 16);
	const name = path.basename(resolved).replace(/[^\w.-]/g, '_').slice(0, 40);
	return path.join(folder, 'pins', `${name}-${key}.json`);
}

function exists(linked: LinkedDataset, pin: Pin): boolean {
	switch (pin.kind) {
		case 'event': {
			return linked.eventById.has(pin.id);
		}

		case 'quote': {
			return linked.quoteById.has(pin.id);
		}

		case 'actor': {
			return linked.actorById.has(pin.id);
		}
	}
}

function isPin(value: unknown): value is Pin {
	if (typeof value !== 'object' || value === null) {
		return false;
	}

	const {kind, id} = value as Record<string, unknown>;
	return (kind === 'event' || kind === 'quote' || kind === 'actor') && typeof id === 'string';
}

export function loadPins(datasetPath: string, linked: LinkedDataset, env: NodeJS.ProcessEnv = process.env): PinsLoad {
	const file = pinsFile(datasetPath, env);
	if (!file) {
		return {pins: [], notices: ['no home folder or XDG_STATE_HOME: pins cannot be kept between runs']};
	}

	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {pins: [], notices: []};
		}

		return {pins: [], notices: [`cannot read the pins in ${file}: ${(error as Error).message}; starting without pins`]};
	}

	let stored: unknown;
	try {
		stored = JSON.parse(text);
	} catch {
		return {pins: [], notices: [`the pins file ${file} is not valid JSON; starting without pins (it is backed up before the next save)`]};
	}

	const list = typeof stored === 'object' && stored !== null && Array.isArray((stored as {pins?: unknown}).pins) ? (stored as {pins: unknown[]}).pins : [];
	const valid = list.filter((pin) => isPin(pin));
	const kept = valid.filter((pin) => exists(linked, pin));
	const notices: string[] = [];
	const dropped = list.length - kept.length;
	if (dropped > 0) {
		notices.push(`dropped ${dropped} pin${dropped === 1 ? '' : 's'} whose item${dropped === 1 ? ' is' : 's are'} no longer in the dataset`);
	}

	return {pins: kept, notices};
}

/** Saves the pins; returns an error message instead of throwing, for the dashboard to show. */
export function savePins(datasetPath: string, pins: readonly Pin[], env: NodeJS.ProcessEnv = process.env): string | undefined {
	const file = pinsFile(datasetPath, env);
	if (!file) {
		return 'no home folder or XDG_STATE_HOME: pins cannot be saved';
	}

	try {
		mkdirSync(path.dirname(file), {recursive: true});
		let previous: string | undefined;
		try {
			previous = readFileSync(file, 'utf8');
			JSON.parse(previous);
		} catch {
			// An unreadable file is kept as a backup rather than overwritten.
			if (previous !== undefined) {
				backupFile(file);
			}
		}

		writeFileAtomic(file, `${JSON.stringify({version: 1, dataset: path.resolve(datasetPath), pins}, null, 2)}\n`);
		return undefined;
	} catch (error) {
		return describeWriteError(error, file);
	}
}

export function pinKey(pin: Pin): string {
	return `${pin.kind}:${pin.id}`;
}
