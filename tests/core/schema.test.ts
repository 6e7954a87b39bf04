import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {datasetJsonSchema} from '../../source/core/schema.js';
import {repoRoot} from '../helpers/cli.js';

describe('data/schema.json', () => {
	it('is the schema the code validates with (regenerate with npm run schema)', () => {
		const committed = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'schema.json'), 'utf8')) as unknown;
		expect(committed).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
	});
});
