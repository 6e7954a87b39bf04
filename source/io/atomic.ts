import {randomBytes} from 'node:crypto';
import {closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';

/**
 * Writes that never leave a half-written file: the content goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over the target in one step.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
	const folder = path.dirname(file);
	const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const descriptor = openSync(temporary, 'wx', 0o644);
	try {
		const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
		let written = 0;
		while (written < bytes.length) {
			written += writeSync(descriptor, bytes, written, bytes.length - written);
		}

		fsyncSync(descriptor);
	} catch (error) {
		closeSync(descriptor);
		rmSync(temporary, {force: true});
		throw error;
	}

	closeSync(descriptor);
	try {
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}

	syncFolder(folder);
}

/** Makes the rename itself durable. Some file systems refuse to open a folder; then it is skipped. */
function syncFolder(folder: string): void {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(folder, 'r');
		fsyncSync(descriptor);
	} catch {
		// Not supported here; the rename is still atomic.
	} finally {
		if (descriptor !== undefined) {
			closeSync(descriptor);
		}
	}
}

/**
 * Keeps the current version of a file as `<file>.bak` (itself written atomically) before it is
 * replaced, so that the previous version can always be restored by hand.
 */
export function backupFile(file: string): string | undefined {
	if (!existsSync(file)) {
		return undefined;
	}

	const backup = `${file}.bak`;
	writeFileAtomic(backup, readFileSync(file));
	return backup;
}

/** Why a write failed, in words that say what to do. */
export function describeWriteError(error: unknown, file: string): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'EACCES':
		case 'EPERM':
		case 'EROFS': {
			return `cannot write ${file}: the folder is read-only or not yours; choose another place or fix its permissions`;
		}

		case 'ENOSPC':
		case 'EDQUOT': {
			return `cannot write ${file}: the disk is full; free some space and run again (nothing was changed)`;
		}

		case 'ENOTDIR': {
			return `cannot write ${file}: part of the path ${path.dirname(file)} is a file, not a folder; choose another place`;
		}

		case 'ENOENT': {
			return `cannot write ${file}: the folder ${path.dirname(file)} does not exist; create it first`;
		}

		default: {
			return `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
}
