"""Replies leave at once even on the socket uvicorn shares between --workers processes."""

from __future__ import annotations

import asyncio
import socket

from ocs_desktop.server.h11_protocol import _no_delay


def test_no_delay_is_set_on_connections_of_a_proto_0_listener() -> None:
    # uvicorn binds the shared socket like this: proto 0, so asyncio skips TCP_NODELAY.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    assert listener.proto == 0
    seen: dict[str, int] = {}

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            seen["before"] = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            _no_delay(transport)  # type: ignore[arg-type]
            seen["after"] = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            transport.close()

    async def scenario() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        port = listener.getsockname()[1]
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if "after" in seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(scenario())
    assert seen["before"] == 0  # the trap: Nagle's algorithm left on
    assert seen["after"] != 0
