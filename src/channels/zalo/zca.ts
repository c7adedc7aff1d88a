// zca-js, typed. Its index.d.ts re-exports "./dist" without a file extension, which TypeScript's
// NodeNext resolution cannot follow, so importing types from 'zca-js' finds none. The types are
// therefore read from the package's own dist/index.d.ts (type-only, erased at run time) and the
// runtime values come from the package entry point, typed with them.
import * as zcaModule from 'zca-js';
import type * as Zca from '../../../node_modules/zca-js/dist/index.js';

export type { Zca };
export const zca = zcaModule as unknown as typeof Zca;
