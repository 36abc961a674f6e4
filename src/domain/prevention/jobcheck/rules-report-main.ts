import { FIXTURE_ADVERTS } from './fixtures/adverts.ts';
import { formatRulesReport, rulesReport } from './rules-report.ts';

// Prints the red-flag rules' results on the fixture adverts:
// node bin/run-ts.mjs src/domain/prevention/jobcheck/rules-report-main.ts
console.log(formatRulesReport(rulesReport(FIXTURE_ADVERTS)));
