-- 0021 made `terms` (and `risk_level`) again: until they have statistics the planner guesses how
-- many identities a word or filter meets, and at a million cases search read 4× the buffers at
-- p95 (the table is not analysed again until autovacuum gets to it). A few seconds at 1M.
ANALYZE "case_identities";
