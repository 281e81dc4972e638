"""What every request goes through, whichever door it comes in by: who is asking (actor,
identity) and may they (access), where each parameter comes from (markers, parameters,
validation, bodies), the answers to what goes wrong (errors, problems), the defenses (hosts,
defenses, limits, isolation), how fresh a read is (freshness), the static files (assets,
site) and how the server is doing (health, metrics)."""
