import type { Extractor } from './extractor.js';

// Placeholder until this extractor is written: finds nothing.
export const extractExfil: Extractor = () => [];
