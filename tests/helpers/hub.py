"""A LAN hub served by a thread on 127.0.0.1 for the tests that push and pull."""

import json
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager

from desktop.sync import hub


@contextmanager
def running_hub(store):
    """A hub over the store file at an ephemeral port (server.url); shut down afterwards."""
    server = hub.make_server(hub.Hub(store), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    server.url = hub.address(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert not thread.is_alive()


def post(url, body, headers=None):
    """(status, JSON answer) of a raw POST to the hub."""
    request = urllib.request.Request(url + "/bundles", data=body, method="POST")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
