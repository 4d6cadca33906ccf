"""How fast the actor network is built, measured, and drawn (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_network.py           # everything (the naive path takes minutes)
    .venv/bin/python benchmarks/bench_network.py --quick   # skips the naive networkx path

Prints measured figures and ratios:

1. the demo project: all layers + all metrics (goal: under 1 s);
2. a synthetic project of 10,000 actors × 500 activities × ~60,000 participations: the
   workbook's pipeline (sparse projection, igraph, sampling, Louvain on strong ties) against
   the naive networkx path (``weighted_projected_graph`` + ``louvain_communities`` + sampled
   ``betweenness_centrality`` with k=20), each in a fresh process, with its peak memory
   (goal: under 10 s and 1 GB);
3. how the time grows from 1× to 10× to 50× the size of the demo;
4. the time headless Chromium takes to draw 2,000 and 5,000 actors (goal: 2 s and 5 s).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO = ROOT / "data" / "demo-lapland"
DEMO_SIZE = (198, 17, 631)  # actors, activities, participation rows of the demo
SCALE = (10_000, 500, 60_000)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pipeline(folder: str, layers: tuple[str, ...] | None, queue) -> None:
    """Child process: load (not timed), then build + metrics + summary (timed)."""
    from workbook import load_project
    from workbook.network import actor_metrics, build_network, network_summary
    from workbook.network.graphs import LAYERS

    project = load_project(folder)
    before = _rss_mib()
    steps = {}
    started, cpu = time.perf_counter(), time.process_time()
    network = build_network(project, layers or LAYERS)
    steps["projection (sparse)"] = time.perf_counter() - started
    mark = time.perf_counter()
    metrics = actor_metrics(network)
    steps["metrics"] = time.perf_counter() - mark
    mark = time.perf_counter()
    summary = network_summary(network, metrics)
    steps["summary"] = time.perf_counter() - mark
    queue.put({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "steps": steps,
               "ties": summary.ties,
               "communities": summary.communities, "samples": summary.samples,
               "rss_before": before, "peak": _peak_mib()})


def _naive(folder: str, queue) -> None:
    """Child process: the straightforward networkx route to the same answers."""
    import networkx as nx
    from networkx.algorithms import bipartite

    from workbook import load_project

    project = load_project(folder)
    meeting = project.activities[project.activities["kind"].isin(["workshop", "sprint", "interview"])]
    rows = project.participation[project.participation["activity_id"].isin(meeting["activity_id"])]
    before = _rss_mib()
    steps = {}
    started, cpu = time.perf_counter(), time.process_time()
    two_mode = nx.Graph()
    two_mode.add_nodes_from(project.actors["actor_id"], bipartite=0)
    two_mode.add_nodes_from(("activity", a) for a in meeting["activity_id"])
    two_mode.add_edges_from((actor, ("activity", activity)) for activity, actor in
                            zip(rows["activity_id"], rows["actor_id"]))
    projected = bipartite.weighted_projected_graph(two_mode, list(project.actors["actor_id"]))
    steps["weighted_projected_graph"] = time.perf_counter() - started
    mark = time.perf_counter()
    nx.community.louvain_communities(projected, weight="weight", seed=0)
    steps["louvain_communities"] = time.perf_counter() - mark
    mark = time.perf_counter()
    nx.betweenness_centrality(projected, k=20, seed=0)
    steps["betweenness k=20"] = time.perf_counter() - mark
    queue.put({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "steps": steps,
               "ties": projected.number_of_edges(),
               "rss_before": before, "peak": _peak_mib()})


def _in_fresh_process(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def _print_run(title: str, run: dict) -> None:
    print(f"  {title}: {run['seconds']:.2f} s ({run['cpu']:.2f} s CPU), {run['ties']:,} ties, "
          f"peak RSS {run['peak']:.0f} MiB "
          f"(of which {run['peak'] - run['rss_before']:.0f} MiB during the run)")
    for step, seconds in run["steps"].items():
        print(f"      {step:28s} {seconds:6.2f} s")


def demo() -> None:
    from workbook import load_project
    from workbook.network import actor_metrics, build_network, network_summary

    project = load_project(DEMO)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        network = build_network(project)
        metrics = actor_metrics(network)
        summary = network_summary(network, metrics)
        times.append(time.perf_counter() - started)
    print(f"1. Demo project ({summary.actors} actors, {summary.ties:,} ties, all layers): build + metrics + "
          f"summary {min(times) * 1000:.0f} ms (best of 3; goal < 1,000 ms)")


def scale(folder: Path, quick: bool) -> None:
    print(f"2. Synthetic {SCALE[0]:,} actors × {SCALE[1]} activities × ~{SCALE[2]:,} participations")
    ours = _in_fresh_process(_pipeline, str(folder), ("participation",))
    _print_run("workbook pipeline, participation layer", ours)
    every = _in_fresh_process(_pipeline, str(folder), None)
    _print_run("workbook pipeline, all four layers", every)
    print(f"      (estimates from {ours['samples']} sampled actors; Louvain on the strongest ties, "
          f"{ours['communities']} communities)")
    if quick:
        print("  naive networkx path: skipped (--quick); measured here before: about 66 s and 2.2 GB")
        return
    naive = _in_fresh_process(_naive, str(folder))
    _print_run("naive networkx path", naive)
    print(f"  ratio: the workbook pipeline is {naive['seconds'] / ours['seconds']:.1f}× faster "
          f"({naive['cpu'] / ours['cpu']:.1f}× in CPU time) and peaks at {ours['peak'] / naive['peak']:.2f}× "
          f"the memory of the naive path")


def growth(base: Path) -> None:
    from workbook import load_project
    from workbook.network import actor_metrics, build_network, network_summary
    from workbook.network.synthetic import write_synthetic_project

    print("3. Growth with size (synthetic projects shaped like the demo, all layers)")
    rows = []
    warm_up = load_project(write_synthetic_project(base / "warm-up", *DEMO_SIZE, seed=0))
    network_summary(build_network(warm_up), actor_metrics(build_network(warm_up)))  # first-call costs
    for factor in (1, 10, 50):
        actors, activities, participations = (n * factor for n in DEMO_SIZE)
        project = load_project(write_synthetic_project(base / f"x{factor}", actors, activities, participations,
                                                       groups=max(4, 4 * factor // 5), seed=factor))
        started, cpu = time.perf_counter(), time.process_time()
        network = build_network(project)
        metrics = actor_metrics(network)
        summary = network_summary(network, metrics)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows.append((factor, actors, summary.ties, seconds, cpu, summary.samples))
    first = rows[0]
    for factor, actors, ties, seconds, cpu, samples in rows:
        note = f"estimates from {samples} actors" if samples else "exact"
        print(f"  {factor:3d}× ({actors:,} actors, {ties:,} ties): {seconds:6.2f} s ({cpu:5.2f} s CPU) = "
              f"{cpu / first[4]:5.1f}× the 1× CPU time for {actors / first[1]:4.0f}× the actors and "
              f"{ties / first[2]:5.1f}× the ties; {note}")


def drawing(base: Path) -> None:
    from playwright.sync_api import sync_playwright

    from workbook import load_project
    from workbook.network import actor_metrics, build_network
    from workbook.network.synthetic import write_synthetic_project
    from workbook.network.view import network_page, view_graph

    print("4. Drawing in headless Chromium (positions from Python, physics off)")
    pages = {}
    for actors in (2_000, 5_000):
        # Small meetings (four actors each on average): about three ties per actor to draw.
        project = load_project(write_synthetic_project(base / f"draw{actors}", actors, actors // 2, actors * 2,
                                                       seed=actors))
        network = build_network(project)
        metrics = actor_metrics(network)
        started = time.perf_counter()
        graph = view_graph(network)
        html = network_page(graph, metrics, "en")
        python_seconds = time.perf_counter() - started
        path = base / f"network{actors}.html"
        path.write_text(html, encoding="utf-8")
        pages[actors] = (path, graph.number_of_edges(), python_seconds, len(html))
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                                headless=True, args=CHROMIUM_ARGS,
                                                                viewport={"width": 1400, "height": 900})
        for actors, (path, ties, python_seconds, size) in pages.items():
            page = context.new_page()
            page.goto(path.as_uri())
            page.wait_for_function("window.__wbDrawnAt !== undefined", timeout=120_000)
            drawn = page.evaluate("window.__wbDrawnAt") / 1000
            change = page.evaluate("""(() => {
                const select = document.querySelector('select[name=colour_by]');
                const started = performance.now();
                select.value = 'community';
                select.dispatchEvent(new Event('change'));
                return performance.now() - started;
            })()""")
            goal = 2 if actors == 2_000 else 5
            print(f"  {actors:,} actors, {ties:,} ties: drawn {drawn:.2f} s after navigation (goal < {goal} s; "
                  f"pyvis defaults: ~90 s at 2,000); layout + page in Python {python_seconds:.2f} s; "
                  f"page {size / 1e6:.1f} MB; re-colouring {change:.0f} ms")
            page.close()
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the naive networkx path (minutes, 2 GB)")
    args = parser.parse_args()
    from workbook.network.synthetic import write_synthetic_project

    demo()
    with tempfile.TemporaryDirectory(prefix="bench-network-") as folder:
        base = Path(folder)
        scale(write_synthetic_project(base / "scale", *SCALE, seed=0), args.quick)
        growth(base)
        drawing(base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
