import { definePublicIngestTests } from './public-ingest.cases';

definePublicIngestTests(false);
