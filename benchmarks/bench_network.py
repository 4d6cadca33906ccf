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
4. the map in headless Chromium at 1366×768 and 1920×1080 on the demo, a 30-actor region and
   2,000 and 5,000 synthetic actors: time to draw, names shown, overlapping and over circles (goal 0), share of
   the canvas used (goal >= 60 %), actors without ties set apart; screenshots in test-artifacts/;
5. a filter change in the sandboxed frame: in place (message + vis.js DataSet updates) against
   the old path (the page regenerated in Python and reloaded), median of several changes; and a
   part of the network sent as the dashboard sends it;
6. the dashboard's network page in Voilà: a filter change until the map shows it, end to end.

    .venv/bin/python benchmarks/bench_network.py --map     # only 4, 5 and 6
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


SCREENS = ((1366, 768), (1920, 1080))


def _map_cases(base: Path) -> dict:
    """The four maps the issue names: the demo, a 30-actor region, 2,000 and 5,000 actors."""
    from workbook.network.synthetic import small_region_tables, write_synthetic_project, write_tables

    return {
        "demo (198)": DEMO,
        "30-actor region": write_tables(base / "thirty", small_region_tables()),
        # Small meetings (four actors each on average): about three ties per actor to draw.
        "synthetic 2,000": write_synthetic_project(base / "draw2000", 2_000, 1_000, 4_000, seed=2_000),
        "synthetic 5,000": write_synthetic_project(base / "draw5000", 5_000, 2_500, 10_000, seed=5_000),
    }


def drawing(base: Path, only: str = "") -> None:
    """Layout time, drawing time and the map's figures in headless Chromium, with screenshots."""
    from playwright.sync_api import sync_playwright

    from workbook import load_project
    from workbook.network import actor_metrics, build_network
    from workbook.network.view import MAP_FIGURES_SCRIPT, map_positions, network_page, view_graph, view_names

    print("4. The map in headless Chromium (positions from Python, physics off); figures read from the page's "
          "own script: names drawn, names overlapping each other or a circle (goal 0), share of the canvas the drawing spans "
          "(goal >= 60 % of width or height), actors without ties set apart")
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    pages = {}
    for name, folder in _map_cases(base).items():
        if only not in name:
            continue
        project = load_project(folder)
        network = build_network(project)
        metrics = actor_metrics(network)
        started = time.perf_counter()
        graph = view_graph(network)
        positions = map_positions(graph, metrics, 0)
        layout_seconds = time.perf_counter() - started
        html = network_page(graph, metrics, "en", names=view_names(project, "en"), positions=positions)
        python_seconds = time.perf_counter() - started
        path = base / f"map-{len(pages)}.html"
        path.write_text(html, encoding="utf-8")
        pages[name] = (path, graph.number_of_nodes(), graph.number_of_edges(), layout_seconds, python_seconds,
                       len(html))
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                                headless=True, args=CHROMIUM_ARGS)
        for k, (name, (path, actors, ties, layout_seconds, python_seconds, size)) in enumerate(pages.items()):
            print(f"  {name}: {actors:,} actors, {ties:,} ties; layout {layout_seconds:.2f} s, layout + page "
                  f"{python_seconds:.2f} s in Python; page {size / 1e6:.1f} MB")
            for width, height in SCREENS:
                page = context.new_page()
                page.set_viewport_size({"width": width, "height": height})
                page.goto(path.as_uri(), timeout=300_000)
                page.wait_for_function("window.__wbDrawnAt !== undefined", timeout=300_000)
                drawn = page.evaluate("window.__wbDrawnAt") / 1000
                page.wait_for_timeout(200)
                f = page.evaluate(MAP_FIGURES_SCRIPT)
                shot = artifacts / f"bench_map_{k}_{width}x{height}.png"
                page.screenshot(path=str(shot))
                print(f"    {width}×{height}: drawn {drawn:.2f} s after navigation; {f['labels']} names shown, "
                      f"{f['overlaps']} overlapping, {f['covered']} over another actor's circle; "
                      f"drawing spans {f['width_share']:.0%} of the width and "
                      f"{f['height_share']:.0%} of the height; {f['outside']} actors off-canvas; "
                      f"{f['lonely']} without ties, set apart: {f['lonely_apart']} ({shot.name})")
                page.close()
        context.close()


def _posted(page, message: dict) -> float:
    """Milliseconds from posting ``message`` into the page's frame until the frame says the
    change is on screen."""
    return page.evaluate("""(message) => new Promise((done) => {
        const started = performance.now();
        window.addEventListener('message', function heard(event) {
            if (event.data && event.data.wb === 'updated') {
                window.removeEventListener('message', heard);
                done(performance.now() - started);
            }
        });
        document.querySelector('iframe').contentWindow.postMessage(message, '*');
    })""", message)


def interaction(base: Path) -> None:
    """A filter change in the map held in a sandboxed frame (as in the dashboard): in place (a
    message to the frame, vis.js DataSet updates) against the old path (a new page from Python
    loaded into the frame), both measured here in the same run."""
    import statistics

    from playwright.sync_api import sync_playwright

    from workbook import load_project
    from workbook.network import actor_metrics, build_network
    from workbook.network.view import (
        ViewState, map_positions, network_iframe, network_page, selection_data, view_graph,
    )

    print("5. A filter change in the dashboard's sandboxed frame: in place vs regenerating the page "
          "(goal: median <= 100 ms on the demo, <= 1 s at 5,000 actors)")
    cases = _map_cases(base)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                                headless=True, args=CHROMIUM_ARGS,
                                                                viewport={"width": 1366, "height": 900})
        for name in ("demo (198)", "synthetic 5,000"):
            project = load_project(cases[name])
            network = build_network(project)
            metrics = actor_metrics(network)
            graph = view_graph(network)
            positions = map_positions(graph, metrics, 0)
            types = sorted({t for _, t in graph.nodes(data="actor_type") if t})
            states = [ViewState(actor_types=tuple(t for t in types if t != "company")), ViewState()]
            host = base / f"host-{len(name)}.html"
            page_html = network_page(graph, metrics, "en", positions=positions, controls=False)
            host.write_text(f"<!DOCTYPE html><html><body style='margin:0'>{network_iframe(page_html, 860, 'en')}"
                            "</body></html>", encoding="utf-8")
            page = context.new_page()
            page.goto(host.as_uri(), timeout=300_000)
            page.frames[1].wait_for_function("window.__wbDrawnAt !== undefined", timeout=180_000)
            in_place = [_posted(page, {"wb": "state", "state": {
                "actor_types": list(states[k % 2].actor_types) if states[k % 2].actor_types else None}})
                for k in range(11)]
            part = graph.subgraph([n for n, t in graph.nodes(data="actor_type") if t != "company"]).copy()
            parts = [selection_data(part, actor_metrics(part)), selection_data(graph, metrics)]
            selections = [_posted(page, {"wb": "selection", "selection": parts[k % 2]}) for k in range(11)]
            old = []
            for k in range(3 if graph.number_of_nodes() < 1000 else 2):
                started = time.perf_counter()
                fresh = network_page(graph, metrics, "en", positions=positions, controls=False, state=states[k % 2])
                frame_html = network_iframe(fresh, 860, "en")
                python_ms = (time.perf_counter() - started) * 1000
                browser_ms = page.evaluate("""(html) => new Promise((done) => {
                    const started = performance.now();
                    window.addEventListener('message', function heard(event) {
                        if (event.data && event.data.wb === 'drawn') {
                            window.removeEventListener('message', heard);
                            done(performance.now() - started);
                        }
                    });
                    const holder = document.createElement('div');
                    holder.innerHTML = html;
                    document.body.replaceChild(holder.firstChild, document.querySelector('iframe'));
                })""", frame_html)
                old.append(python_ms + browser_ms)
            print(f"  {name}: in place median {statistics.median(in_place):.0f} ms "
                  f"(min {min(in_place):.0f}, max {max(in_place):.0f}, {len(in_place)} changes); "
                  f"old path (new page from Python + frame reloaded) median {statistics.median(old):.0f} ms "
                  f"({len(old)} changes) -> {statistics.median(old) / statistics.median(in_place):.0f}x faster; "
                  f"a part of the network sent by the dashboard (ties and measures of the part) median "
                  f"{statistics.median(selections):.0f} ms (max {max(selections):.0f})")
            page.close()
        context.close()


def dashboard() -> None:
    """The dashboard's network page in Voilà on the demo: from a changed filter to the map
    redrawn in place (the kernel builds the part of the network, sends it, the frame draws it)."""
    import statistics

    from playwright.sync_api import sync_playwright

    from workbook.dashboard.harness import ServedDashboards, open_browser, wait_until_drawn

    print("6. The dashboard's network page (Voilà, demo): a filter change until the map shows it, end to end")
    options = {"VoilaConfiguration": {"preheat_kernel": False}}
    with ServedDashboards(DEMO, lang="en", overrides=options) as server, sync_playwright() as playwright, \
            tempfile.TemporaryDirectory() as profile:
        context = open_browser(playwright, Path(profile))
        page = context.new_page()
        page.goto(server.url("network", lang="en"), timeout=300_000)
        wait_until_drawn(page, 300_000)
        page.wait_for_selector(".wb-network-frame[data-wb-drawn=true]")
        names = page.eval_on_selector_all(".wb-filter-actor-type option", "options => options.map(o => o.textContent)")
        times, frame_times = [], []
        for k, name in enumerate((names[1:] * 3)[:12]):
            started = time.perf_counter()
            page.select_option(".wb-filter-actor-type select", label=name)
            page.wait_for_selector(f".wb-network-frame[data-wb-updates='{k + 1}']", timeout=60_000)
            times.append((time.perf_counter() - started) * 1000)
            frame_times.append(float(page.get_attribute(".wb-network-frame", "data-wb-update-ms")))
        print(f"  actor-type filter, {len(times)} changes: median {statistics.median(times):.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f}), of which the frame's drawing median "
              f"{statistics.median(frame_times):.0f} ms; the frame was never reloaded")
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the naive networkx path (minutes, 2 GB)")
    parser.add_argument("--map", action="store_true", help="only the map: drawing figures and interaction (4, 5)")
    parser.add_argument("--interaction", action="store_true", help="only the filter changes (5, 6)")
    parser.add_argument("--case", default="", help="only the map cases whose name holds this text (4)")
    args = parser.parse_args()
    from workbook.network.synthetic import write_synthetic_project

    with tempfile.TemporaryDirectory(prefix="bench-network-") as folder:
        base = Path(folder)
        if not (args.map or args.interaction):
            demo()
            scale(write_synthetic_project(base / "scale", *SCALE, seed=0), args.quick)
            growth(base)
        if not args.interaction:
            drawing(base, args.case)
        if not args.case:
            interaction(base)
            dashboard()
    return 0


if __name__ == "__main__":
    sys.exit(main())
