/** The sharing rules (who may see which record): the lowest module, asked by every module that shows records. */
export { type Guarded, type Sight, type Viewer, sightOf } from './visibility.js';
