import {randomBytes} from 'node:crypto';
import {linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * An exclusive lock on a data folder, so that two `briefing ingest` runs never interleave their
 * read-merge-write. The lock is `DIR/.briefing.lock`, holding the owner's pid and start time; it is
 * made whole in a temporary file, then hard-linked into place (which fails if a lock is there), so
 * that a reader never sees a half-written lock. A lock whose process is gone, or that is older than
 * `staleAfterMs`, is cleared and taken over.
 */

export const lockFileName = '.briefing.lock';
/** A lock older than this is stale even if its pid is alive (the pid may have been reused). */
export const staleAfterMs = 60 * 60 * 1000;

export type LockInfo = {pid: number; started: string};
export type Lock = {readonly file: string; release: () => void};
export type LockRefusal = {readonly holder: LockInfo | undefined; readonly file: string};

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) {
		return false;
	}

	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}

function readLock(file: string): {info: LockInfo | undefined; text: string; age: number} | undefined {
	try {
		const text = readFileSync(file, 'utf8');
		const age = Date.now() - statSync(file).mtimeMs;
		let info: LockInfo | undefined;
		try {
			const value = JSON.parse(text) as Partial<LockInfo>;
			if (typeof value.pid === 'number' && typeof value.started === 'string') {
				info = {pid: value.pid, started: value.started};
			}
		} catch {
			info = undefined;
		}

		return {info, text, age};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

function isStale(lock: {info: LockInfo | undefined; age: number}): boolean {
	if (lock.age > staleAfterMs) {
		return true;
	}

	// The lock is written whole before it is linked in, so an unreadable one is not being written.
	return lock.info === undefined || !isAlive(lock.info.pid);
}

/** Removes a stale lock, unless another process replaced it in the meantime. */
function clearStale(file: string, seen: string): void {
	const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
	try {
		renameSync(file, aside);
	} catch {
		return;
	}

	let text: string | undefined;
	try {
		text = readFileSync(aside, 'utf8');
	} catch {
		text = undefined;
	}

	if (text !== undefined && text !== seen) {
		// Someone took the lock between our look and the rename: give it back.
		try {
			linkSync(aside, file);
		} catch {
			// Taken again already; the other lock stands.
		}
	}

	rmSync(aside, {force: true});
}

/** One attempt: the lock, or who holds it. Errors other than "held" (EACCES, EROFS…) are thrown. */
export function tryLock(folder: string): Lock | LockRefusal {
	const file = path.join(folder, lockFileName);
	const info: LockInfo = {pid: process.pid, started: new Date().toISOString()};
	const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	writeFileSync(temporary, `${JSON.stringify(info)}\n`, {flag: 'wx', mode: 0o644});
	try {
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				linkSync(temporary, file);
				let released = false;
				const release = (): void => {
					if (released) {
						return;
					}

					released = true;
					process.removeListener('exit', release);
					const current = readLock(file);
					if (current?.info?.pid === process.pid && current.info.started === info.started) {
						rmSync(file, {force: true});
					}
				};

				process.on('exit', release);
				return {file, release};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
					throw error;
				}
			}

			const held = readLock(file);
			if (held === undefined) {
				continue;
			}

			if (!isStale(held)) {
				return {holder: held.info, file};
			}

			clearStale(file, held.text);
		}

		return {holder: readLock(file)?.info, file};
	} finally {
		rmSync(temporary, {force: true});
	}
}

/** Takes the lock, waiting up to `waitMs` (polling) for another run to finish. */
export async function acquireLock(folder: string, waitMs: number): Promise<Lock | LockRefusal> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const result = tryLock(folder);
		if ('release' in result || Date.now() >= deadline) {
			return result;
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 50 + Math.floor(Math.random() * 50));
		});
	}
}

/**
 * Temporary files left by a run that was killed mid-write (`.NAME.PID.HEX.tmp`, `NAME.bak.PID.tmp`,
 * `.briefing.lock.PID.HEX.tmp`), removed once the lock is held; files of live processes are kept.
 */
export function removeStrayTemporaries(folder: string): number {
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return 0;
	}

	let removed = 0;
	for (const name of names) {
		const match = /\.(\d+)(?:\.[\da-f]{8})?\.tmp$/.exec(name) ?? /^\.briefing\.lock\.stale\.(\d+)\./.exec(name);
		if (!match) {
			continue;
		}

		const pid = Number(match[1]);
		if (pid === process.pid || isAlive(pid)) {
			continue;
		}

		try {
			rmSync(path.join(folder, name), {force: true});
			removed++;
		} catch {
			// Not ours to remove; harmless.
		}
	}

	return removed;
}
