"""HTTP plumbing: API keys, the response cache, dependencies, problem+json errors,
request limits, keyset pages and raw JSON responses."""
