export { trainHardcoded, type HardcodedHistory, type HardcodedOptions } from './train.js';
