import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import {cacheDirectory, writeCacheFile} from './io/snapshot.js';

/**
 * `briefing`: runs the CLI's bundle (dist/cli-bundle.cjs) with V8's cache of its compiled code.
 *
 * Node 20 compiles every script from its source at every start (its compile cache,
 * `module.enableCompileCache`, came in Node 22): for `briefing print` that is some 30 ms, half
 * of what Node itself takes to start. So the bundle is compiled here, with the code V8 made for
 * it last time, and once a command has run, the code it compiled (its functions included, which
 * V8 compiles when first called) is saved for next time, one file per command.
 *
 * The files are kept in the cache folder (`$BRIEFING_CACHE_DIR`, `off` for none). A file is used
 * only when its name holds the hash of this very bundle and Node's version, and its own SHA-256
 * holds; V8 then checks it once more and may still refuse it, and a refused file is written anew.
 */

declare const __BUNDLE_HASH__: string;

const bundleFile = path.join(__dirname, 'cli-bundle.cjs');
const commands = new Set(['validate', 'export', 'schema', 'search', 'print', 'ingest']);

/**
 * Which code a run compiles, which names its cache file: the command's, or the dashboard's (or,
 * off a terminal, the summary it prints instead). Help and version compile next to nothing, and
 * would leave a cache that a real run then uses, so they have their own.
 */
function runKind(args: readonly string[]): string {
	if (args.some((arg) => arg === '--help' || arg === '--version' || arg === '-h' || arg === '-v')) {
		return 'help';
	}

	if (commands.has(args[0] ?? '')) {
		return args[0]!;
	}

	return process.stdin.isTTY && process.stdout.isTTY ? 'dashboard' : 'summary';
}

const kind = runKind(process.argv.slice(2));
const prefix = `code-${__BUNDLE_HASH__}-`;
const folder = cacheDirectory();
const cacheFile = folder && kind && path.join(folder, `${prefix}${process.version}-${process.arch}-${kind}.v8`);

/** The cached code, if its checksum holds: 32 bytes of SHA-256, then what V8 made. */
function readCachedCode(): Buffer | undefined {
	if (!cacheFile) {
		return undefined;
	}

	try {
		const file = readFileSync(cacheFile);
		const code = file.subarray(32);
		return file.length > 32 && createHash('sha256').update(code).digest().equals(file.subarray(0, 32)) ? code : undefined;
	} catch {
		return undefined;
	}
}

/** The bundle, compiled (with the cached code when there is some). */
function compileBundle(cachedData: Buffer | undefined): vm.Script {
	try {
		// Read whole as bytes, then decoded: one read, where reading it as text goes 8 KB at a time.
		const source = readFileSync(bundleFile).toString('utf8');
		return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: bundleFile, cachedData});
	} catch (error) {
		process.stderr.write(`briefing: cannot start: ${bundleFile}: ${error instanceof Error ? error.message : String(error)}; build it again with npm run build, or reinstall\n`);
		process.exit(1);
	}
}

const cachedData = readCachedCode();
const script = compileBundle(cachedData);

if (cacheFile && (cachedData === undefined || script.cachedDataRejected === true)) {
	// At exit the command's functions have been compiled: they go in the cache with the rest. Only
	// a run that went well is typical of the next one (a usage error compiles next to nothing).
	process.once('exit', (exitCode) => {
		if (exitCode !== 0) {
			return;
		}

		try {
			const code = script.createCachedData();
			if (writeCacheFile(cacheFile, [createHash('sha256').update(code).digest(), code], /^code-.*\.v8$/)) {
				// Code of earlier builds or other Node versions is of no more use.
				for (const name of readdirSync(folder!)) {
					if (name.startsWith('code-') && name.endsWith('.v8') && !name.startsWith(prefix)) {
						rmSync(path.join(folder!, name), {force: true});
					}
				}
			}
		} catch {
			// The cache only saves time: without it the next start compiles the code again.
		}
	});
}

const bundleModule = {exports: {}};
(script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, require, bundleModule, bundleFile, __dirname);
