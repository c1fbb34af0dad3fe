// `node --import ./hide-packages.mjs`: the packages named in HIDE_PACKAGES (comma-separated) cannot
// be found, as in a site that never installed them (an optional peer dependency left out).
import { register } from 'node:module';

register('./hide-packages-hooks.mjs', import.meta.url);
