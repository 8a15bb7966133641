"""``amendtool serve`` over HTTP: a real server, its API against the CLI's bytes, its refusals."""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlsplit

import pytest

from amendtool.renderers.registry import formats
from amendtool.textparse.normalise import MAX_INPUT_BYTES
from amendtool.web import limits
from tests.conftest import DATA, SAMPLES
from tests.web.server import cli_bytes, get, multipart, post, running_server

V1, V2 = "kazakhstan.v1.txt", "kazakhstan.v2.txt"
SOURCES = ["kazakhstan.v1.txt", "kazakhstan-ppe.txt", "kazakhstan-ecr.txt"]
CHAIN = ["kazakhstan.v1.txt", "kazakhstan.v2.txt", "kazakhstan-adopted.txt"]


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture(scope="module")
def server() -> str:
    with running_server() as address:
        yield address


def cli_error(stderr: str) -> str:
    """The one-line message of ``amendtool: error: MESSAGE``."""
    lines = [line for line in stderr.splitlines() if line.startswith("amendtool: error: ")]
    assert len(lines) == 1, stderr
    return lines[0].removeprefix("amendtool: error: ")


@pytest.mark.parametrize("output_format", formats("diff"))
def test_diff_api_returns_the_cli_bytes(server: str, output_format: str) -> None:
    status, headers, body = post(
        server,
        "/api/diff",
        [("old", V1, sample(V1)), ("new", V2, sample(V2))],
        {"format": output_format},
    )
    code, expected, _ = cli_bytes("diff", "--format", output_format, V1, V2, cwd=SAMPLES)
    assert (status, code) == (200, 1)
    assert body == expected
    assert headers["x-amendtool-differs"] == "true"
    assert headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "options",
    [
        ["--ignore-case"],
        ["--ignore-punctuation"],
        ["--section", "recitals"],
        ["--all", "--ignore-case", "--ignore-punctuation"],
    ],
)
def test_diff_options_match_the_cli(server: str, options: list[str], tmp_path) -> None:
    """A pair differing in case and punctuation only: each option changes the answer."""
    text = sample(V1).decode("utf-8")
    changed = text.replace("Calls on", "CALLS ON").replace("authorities", "authorities,")
    assert changed != text
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    fields = {"format": "markdown"}
    for option, following in zip(options, [*options[1:], ""], strict=True):
        if option == "--section":
            fields["section"] = following
        elif option.startswith("--"):
            fields[option[2:].replace("-", "_")] = "1"
    files = [("old", "a.txt", text.encode()), ("new", "b.txt", changed.encode())]
    _, _, body = post(server, "/api/diff", files, fields)
    _, expected, _ = cli_bytes(
        "diff", "--format", "markdown", *options, "a.txt", "b.txt", cwd=tmp_path
    )
    assert body == expected
    plain = cli_bytes("diff", "--format", "markdown", "a.txt", "b.txt", cwd=tmp_path)[1]
    assert body != plain  # the option reached the comparison


def test_default_format_is_the_cli_default(server: str) -> None:
    _, headers, body = post(server, "/api/diff", [("old", V1, sample(V1)), ("new", V2, sample(V2))])
    assert body == cli_bytes("diff", V1, V2, cwd=SAMPLES)[1]
    assert headers["content-type"].startswith("text/plain")


def test_same_drafts_say_no_difference(server: str) -> None:
    _, headers, _ = post(server, "/api/diff", [("old", V1, sample(V1)), ("new", V1, sample(V1))])
    assert headers["x-amendtool-differs"] == "false"


@pytest.mark.parametrize("output_format", formats("amendments"))
def test_amendments_api_returns_the_cli_bytes(server: str, output_format: str) -> None:
    status, _, body = post(
        server,
        "/api/amendments",
        [("old", V1, sample(V1)), ("new", V2, sample(V2))],
        {"format": output_format},
    )
    _, expected, _ = cli_bytes("amendments", "--format", output_format, V1, V2, cwd=SAMPLES)
    assert status == 200 and body == expected


@pytest.mark.parametrize("output_format", formats("provenance"))
def test_provenance_api_returns_the_cli_bytes(server: str, output_format: str) -> None:
    files = [("joint", V2, sample(V2))] + [("source", n, sample(n)) for n in SOURCES]
    status, _, body = post(server, "/api/provenance", files, {"format": output_format})
    _, expected, _ = cli_bytes("provenance", "--format", output_format, V2, *SOURCES, cwd=SAMPLES)
    assert status == 200 and body == expected


def test_provenance_labels_match_the_cli(server: str) -> None:
    files = [("joint", V2, sample(V2))] + [("source", n, sample(n)) for n in SOURCES[:2]]
    label = f"Greens={SOURCES[0]}"
    _, _, body = post(server, "/api/provenance", files, {"format": "json", "label": label})
    _, expected, _ = cli_bytes(
        "provenance", "--format", "json", "--label", label, V2, *SOURCES[:2], cwd=SAMPLES
    )
    assert body == expected
    assert json.loads(body)["sources"][0]["label"] == "Greens"


@pytest.mark.parametrize("output_format", formats("history"))
def test_history_api_returns_the_cli_bytes(server: str, output_format: str) -> None:
    files = [("version", n, sample(n)) for n in CHAIN]
    status, _, body = post(server, "/api/history", files, {"format": output_format})
    _, expected, _ = cli_bytes("history", "--format", output_format, *CHAIN, cwd=SAMPLES)
    assert status == 200 and body == expected


BAD = sorted(p for p in (DATA / "bad").iterdir() if p.name != "expected.json")


@pytest.mark.parametrize("bad", BAD, ids=[p.name for p in BAD])
def test_bad_input_gives_the_cli_message_as_json_400(server: str, bad, tmp_path) -> None:
    (tmp_path / bad.name).write_bytes(bad.read_bytes())
    (tmp_path / V2).write_bytes(sample(V2))
    code, expected, stderr = cli_bytes("diff", "--format", "json", bad.name, V2, cwd=tmp_path)
    status, headers, body = post(
        server,
        "/api/diff",
        [("old", bad.name, bad.read_bytes()), ("new", V2, sample(V2))],
        {"format": "json"},
    )
    if code == 2:
        assert status == 400
        assert headers["content-type"] == "application/json"
        assert json.loads(body) == {"error": cli_error(stderr)}
    else:  # the CLI reads it (with warnings): so does the page
        assert (status, body) == (200, expected)


def test_missing_input_and_bad_format_are_400(server: str) -> None:
    status, _, body = post(server, "/api/diff", [("old", V1, sample(V1))])
    assert status == 400 and json.loads(body) == {"error": "new: no file given and no text pasted"}
    status, _, body = post(
        server, "/api/diff", [("old", V1, sample(V1)), ("new", V2, sample(V2))], {"format": "pdf"}
    )
    assert status == 400 and "'pdf' is not one of" in json.loads(body)["error"]
    status, _, body = post(server, "/api/history", [("version", V1, sample(V1))])
    assert status == 400 and json.loads(body) == {"error": "history needs at least two versions"}


def test_pasted_text_is_read_like_a_file(server: str) -> None:
    _, _, body = post(
        server,
        "/api/diff",
        [],
        {
            "old_text": sample(V1).decode("utf-8"),
            "new_text": sample(V2).decode("utf-8"),
            "format": "json",
        },
    )
    report = json.loads(body)
    from_files = json.loads(cli_bytes("diff", "--format", "json", V1, V2, cwd=SAMPLES)[1])
    assert report["old"]["source"] == "old (pasted)"
    assert report["statistics"] == from_files["statistics"]
    assert report["changes"] == from_files["changes"]


def _raw(address: str, request: bytes, then: bytes = b"") -> tuple[bytes, float]:
    """Send raw bytes, then read the answer; (answer, seconds until it came)."""
    where = urlsplit(address)
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        started = time.monotonic()
        sock.sendall(request)
        if then:
            sock.sendall(then)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer, time.monotonic() - started


def test_announced_oversize_body_is_413_before_it_is_sent(server: str) -> None:
    port = urlsplit(server).port
    head = (
        f"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {limits.MAX_REQUEST_BYTES + 1}\r\n\r\n"
    ).encode()
    answer, _ = _raw(server, head, b"--x\r\n")  # a few bytes of a body of 101 MB
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"
    assert b'{"error":"request too large (limit 101 MB for all inputs together)"}' in rest


def test_oversize_file_is_413_after_reading_no_more_than_its_limit(server: str) -> None:
    """An 80 MB file: refused once 50 MB of it arrived, the rest (30 MB) never sent.

    The margin is far above what loopback socket buffers hold (a few MB each way).
    """
    where = urlsplit(server)
    body, content_type = multipart([("old", "huge.txt", b"a" * (80 * 2**20))])
    head = (
        f"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1:{where.port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    sent = 0
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        answer = b""
        deadline = time.monotonic() + 60
        while not answer.endswith(b"}") and time.monotonic() < deadline:
            try:
                answer += sock.recv(65536)
            except BlockingIOError:
                pass
            except ConnectionResetError:
                break
            if sent < len(body):
                try:
                    sent += sock.send(body[sent : sent + 65536])
                except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                    time.sleep(0.001)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b'{"error":"huge.txt: file too large (limit 50 MB)"}' in answer
    assert sent < len(body)  # the server answered before the body was all sent
    assert MAX_INPUT_BYTES == 50 * 2**20


def test_foreign_host_header_is_refused(server: str) -> None:
    port = urlsplit(server).port
    status, _, body = get(server, "/", {"Host": f"evil.example:{port}"})
    assert status == 400 and "does not name this server" in json.loads(body)["error"]
    status, _, _ = get(server, "/", {"Host": f"127.0.0.1:{port + 1 if port < 65535 else 1}"})
    assert status == 400
    files = [("old", V1, sample(V1)), ("new", V2, sample(V2))]
    status, _, _ = post(server, "/api/diff", files, headers={"Host": f"rebind.example:{port}"})
    assert status == 400
    assert get(server, "/", {"Host": f"localhost:{port}"})[0] == 200
    assert get(server, "/")[0] == 200


def test_post_from_another_origin_is_refused(server: str) -> None:
    port = urlsplit(server).port
    files = [("old", V1, sample(V1)), ("new", V2, sample(V2))]
    for origin in (
        "http://evil.example",
        "null",
        f"http://evil.example:{port}",
        f"https://127.0.0.1:{port}",
    ):
        status, _, body = post(server, "/api/diff", files, headers={"Origin": origin})
        assert status == 403, origin
        assert "refused" in json.loads(body)["error"]
    status, _, _ = post(server, "/api/diff", files, headers={"Sec-Fetch-Site": "cross-site"})
    assert status == 403
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
        assert post(server, "/api/diff", files, headers={"Origin": origin})[0] == 200


def test_every_page_has_a_csp_without_external_sources(server: str) -> None:
    status, headers, body = get(server, "/")
    assert status == 200
    policy = headers["content-security-policy"]
    assert policy.startswith("default-src 'none'")
    for directive in policy.split(";"):
        for source in directive.split()[1:]:
            assert source in ("'none'", "'self'") or source.startswith("'sha256-"), source
    assert b"<script>" in body and b"src=" not in body  # one inline script, allowed by hash
    assert headers["x-frame-options"] == "DENY"
    files = [("old", V1, sample(V1)), ("new", V2, sample(V2))]
    _, headers, _ = post(server, "/api/diff", files, {"format": "html"})
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert "http" not in headers["content-security-policy"]
    _, headers, _ = post(server, "/api/diff", files, {"format": "json"})
    assert headers["content-security-policy"].startswith("default-src 'none'")


def test_page_form_errors_are_an_html_page(server: str) -> None:
    files = [("old", "scan.pdf", b"%PDF\x00\x01"), ("new", V2, sample(V2))]
    status, headers, body = post(server, "/api/diff?view=page", files, {"format": "html"})
    assert status == 400 and headers["content-type"].startswith("text/html")
    assert b"scan.pdf: binary file" in body and b'role="alert"' in body


def test_download_is_an_attachment_named_after_the_draft(server: str) -> None:
    files = [("old", V1, sample(V1)), ("new", V2, sample(V2))]
    _, headers, _ = post(server, "/api/amendments?download=1", files, {"format": "markdown"})
    assert headers["content-disposition"] == 'attachment; filename="kazakhstan.v2-amendments.md"'


def test_busy_port_is_a_one_line_error() -> None:
    from tests.conftest import run_cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port} (Address already in use)" in result.stderr
    assert "Traceback" not in result.stderr
