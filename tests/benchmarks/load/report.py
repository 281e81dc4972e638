"""docs/benchmarks.md and docs/benchmarks.json from one run of ``make bench-load``: each
figure beside the baselines of the same run, and the issue's targets met or missed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TARGETS = """Targets (server, database and generator on one machine): on PostgreSQL at least
1,000 check-ins/s, p99 at most 100 ms, no errors, at least 2.0× the library's own save rate
(its better thread count); on SQLite at least 0.5× the library's own save rate."""


def best_save(baselines: dict[str, float]) -> float:
    return max(rate for name, rate in baselines.items() if name.startswith("library save"))


def targets(store: str, result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    burst, saves = result["door_burst"], best_save(result["baselines"])
    ratio = burst["per_second"] / saves
    kept = [("stored check-ins = admitted answers",
             f"{burst['stored_check_ins']:,} = {burst['outcomes'].get('checked_in', 0):,}",
             burst["stored_equals_admitted"]),
            ("errors", f"{burst['errors']:,}", burst["errors"] == 0)]
    if store == "sqlite":
        return [("× library save", f"{ratio:.2f}", ratio >= 0.5), *kept]
    return [("check-ins per second", f"{burst['per_second']:,.0f}", burst["per_second"] >= 1000),
            ("p99", f"{burst['latency_ms']['p99']:.0f} ms", burst["latency_ms"]["p99"] <= 100),
            ("× library save", f"{ratio:.2f}", ratio >= 2.0), *kept]


def lines(results: dict[str, Any]) -> list[str]:
    settings = results["settings"]
    out = ["# Door burst: `make bench-load`", "",
           f"{settings['devices']} door devices (bearer tokens, one keep-alive connection"
           f" each) check in distinct tickets of a {settings['tickets']:,}-ticket event for"
           f" {settings['seconds']:.0f} s against `goodwill serve --workers"
           f" {settings['workers']}` (on PostgreSQL each worker's connection budget"
           f" `GOODWILL_PG_POOL_SIZE` is {settings['pool_size']}), from a load generator in a"
           f" process of its own (seed {settings['seed']}). Made by `make bench-load`; every"
           " figure is also a ratio to baselines measured on the same database just before"
           " and just after the burst (their mean here, each in benchmarks.json): this"
           " machine's share of its cores moves by the minute.", "",
           "| store | measure | per second | p50 ms | p95 ms | p99 ms | errors |"
           " × plain INSERT | × library save |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for store in settings["stores"]:
        result = results[store]
        burst, base = result["door_burst"], result["baselines"]
        plain, saves = next(iter(base.values())), best_save(base)
        latency = burst["latency_ms"]
        out.append(f"| {store} | door burst over HTTP | {burst['per_second']:,.0f} |"
                   f" {latency['p50']:.1f} | {latency['p95']:.1f} | {latency['p99']:.1f} |"
                   f" {burst['errors']:,} | {burst['per_second'] / plain:.3f} |"
                   f" {burst['per_second'] / saves:.2f} |")
        out += [f"| {store} | {name} | {rate:,.0f} | | | | | {rate / plain:.3f} |"
                f" {rate / saves:.2f} |" for name, rate in base.items()]
    out += stack_lines(results)
    out += ["", TARGETS, "", "| store | target | measured | met |", "| --- | --- | --- | --- |"]
    for store in settings["stores"]:
        out += [f"| {store} | {name} | {value} | {'yes' if met else '**no**'} |"
                for name, value, met in targets(store, results[store])]
    out += ["", "| store | answers | seconds | tickets ran out | seeding s | generator CPU s |",
            "| --- | --- | ---: | --- | ---: | ---: |"]
    for store in settings["stores"]:
        burst = results[store]["door_burst"]
        answers = ", ".join(f"{status}: {count:,}" for status, count in
                            sorted(burst["statuses"].items()))
        out.append(f"| {store} | {answers} | {burst['seconds']:.1f} |"
                   f" {'yes' if burst['tickets_ran_out'] else 'no'} |"
                   f" {burst['seeding_seconds']:.0f} | {burst['generator_cpu_seconds']:.1f} |")
    for store in settings["stores"]:
        out += profile_lines(store, results[store]["door_burst"]["profile"])
    machine, versions = results["machine"], results["versions"]
    out += ["", f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}.",
            "Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + "."]
    return out


def stack_lines(results: dict[str, Any]) -> list[str]:
    """The ceiling: the same burst against an empty check-in on the same web stack."""
    alone = results.get("web_stack_alone")
    if alone is None:
        return []
    latency = alone["latency_ms"]
    out = ["", "The web stack alone (bare.py: the same generator and devices against an empty"
           " check-in on uvicorn and Litestar, the same workers, body schema and thread hop,"
           " no database, sign-in or middleware) is the most this machine gives a server of"
           " this shape:", "",
           "| measure | per second | p50 ms | p99 ms | errors |",
           "| --- | ---: | ---: | ---: | ---: |",
           f"| web stack alone | {alone['per_second']:,.0f} | {latency['p50']:.1f} |"
           f" {latency['p99']:.1f} | {alone['errors']:,} |"]
    out += [f"| {store}: door burst, share of it | {share:.0%} | | | |"
            for store in results["settings"]["stores"]
            for share in [results[store]["door_burst"]["per_second"] / alone["per_second"]]]
    return out + ["", f"So 1,000 check-ins/s would take {1000 / alone['per_second']:.0%} of what"
                  " this stack answers doing nothing, and a p99 of 100 ms would leave"
                  f" {100 - latency['p99']:.0f} ms above its own; the profiles below say where"
                  " the rest of a check-in's time goes."]


def profile_lines(store: str, profile: dict[str, Any]) -> list[str]:
    """Where the workers' CPU went during the burst, by package and innermost function."""
    if not profile["samples"]:
        return ["", f"No profile of {store}: py-spy was not there or could not attach."]
    out = ["", f"Profile of the workers during the burst on {store} (py-spy, {profile['rate']}"
           f" samples/s per worker, {profile['samples']:,} samples of the thread holding the"
           " GIL):", "", "| part of the work | share |", "| --- | ---: |",
           *(f"| {part} | {share:.1%} |" for part, share in profile["parts"].items()), "",
           "| package | share | | function running (innermost frame) | share |",
           "| --- | ---: | --- | --- | ---: |"]
    packages, functions = list(profile["packages"].items()), list(profile["functions"].items())
    for n in range(max(len(packages), len(functions))):
        left = f"{packages[n][0]} | {packages[n][1]:.1%}" if n < len(packages) else " | "
        right = (f"{functions[n][0]} | {functions[n][1]:.1%}" if n < len(functions)
                 else " | ")
        out.append(f"| {left} | | {right} |")
    return out


def write_report(results: dict[str, Any], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    output.with_suffix(".md").write_text("\n".join(lines(results)) + "\n")
    print("\n".join(lines(results)))
