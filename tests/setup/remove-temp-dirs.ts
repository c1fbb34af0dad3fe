// Every test file: remove the temporary folders it made once it has finished.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';

afterAll(removeTempDirs);
