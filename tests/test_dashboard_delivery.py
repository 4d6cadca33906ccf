"""What the server sends every visitor alike, made once: the scripts compressed as it starts, the
page templates compiled once for every page served and again as soon as a source changes."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from workbook.dashboard.delivery import TemplateCache


def _environment(folder, cache, is_async=False):
    return Environment(loader=FileSystemLoader(folder), bytecode_cache=cache, enable_async=is_async)


def test_a_template_is_compiled_once_for_every_environment_and_again_when_it_changes(tmp_path, monkeypatch):
    template = tmp_path / "page.html.j2"
    template.write_text("<h1>{{ title }}</h1>")
    cache = TemplateCache()
    compiled = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile",
                        lambda self, source, *args, **kwargs: compiled.append(source) or original(self, source, *args,
                                                                                                    **kwargs))

    pages = [_environment(tmp_path, cache).get_template("page.html.j2").render(title="Lappi") for _ in range(3)]
    assert pages == ["<h1>Lappi</h1>"] * 3 and len(compiled) == 1

    template.write_text("<h2>{{ title }}</h2>")
    assert _environment(tmp_path, cache).get_template("page.html.j2").render(title="Lappi") == "<h2>Lappi</h2>"
    assert len(compiled) == 2


def test_async_and_plain_environments_keep_their_own_code(tmp_path):
    import asyncio
    import threading

    (tmp_path / "page.html.j2").write_text("{{ title }}")
    cache = TemplateCache()
    assert _environment(tmp_path, cache).get_template("page.html.j2").render(title="a") == "a"
    template = _environment(tmp_path, cache, is_async=True).get_template("page.html.j2")
    rendered: list[str] = []
    # In a thread of its own: Playwright's sync API may keep an event loop running in this one.
    thread = threading.Thread(target=lambda: rendered.append(asyncio.run(template.render_async(title="b"))))
    thread.start()
    thread.join(30)
    assert rendered == ["b"]


def test_the_scripts_are_compressed_before_the_first_visitor_asks(tmp_path, monkeypatch):
    import gzip

    from workbook.dashboard import delivery

    (tmp_path / "static" / "chunks").mkdir(parents=True)
    script = tmp_path / "static" / "chunks" / "page.js"
    script.write_text("const page = 1;\n" * 200)
    (tmp_path / "static" / "logo.png").write_bytes(b"\x89PNG" + bytes(4000))  # compressed already
    (tmp_path / "static" / "tiny.css").write_text("a{}")  # smaller than its headers would save
    compressed = delivery._Compressed()
    made = []
    original = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda data, **kwargs: made.append(len(data)) or original(data, **kwargs))

    assert compressed.warm([tmp_path / "static", tmp_path / "absent"]) == 1
    assert made == [script.stat().st_size]
    assert gzip.decompress(compressed.get(str(script))) == script.read_bytes()
    assert len(made) == 1, "a visitor's request is answered from what was compressed at start"
