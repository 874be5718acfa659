"""Developer tools run from a checkout (benchmarks, audits, map regeneration); not installed."""
