"""Is a host there? One probe, without privileges, each checked against the scope first.

ICMP echo goes through an unprivileged ICMP datagram socket (Linux allows it to the
groups in ``net.ipv4.ping_group_range``; macOS to everyone). Where that socket is
refused (Windows, or a Linux box whose range excludes the user), TCP connections to a
few common ports stand in: an accepted connection and a refused one (the host sent a
reset) both prove the host is alive. Either way the kernel ARP-resolves the address,
which is what fills the neighbour cache read afterwards.
"""

from __future__ import annotations

import errno
import os
import select
import socket
import struct
import time
from enum import Enum

from ocs_desktop.fleet.network_scope import Scope

#: Ports tried by the TCP probe: SSH, HTTP(S), Windows (RPC, NetBIOS, SMB, RDP), printers.
TCP_PORTS = (22, 80, 135, 139, 443, 445, 3389, 9100)
_ECHO_REQUEST = 8
_ECHO_REPLY = 0


class Method(Enum):
    ICMP = "icmp"
    TCP = "tcp"


def icmp_sockets_allowed() -> bool:
    """Can this process open an unprivileged ICMP socket?"""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP).close()
    except OSError:
        return False
    return True


def is_local_address(ip: str) -> bool:
    """Is ``ip`` one of this machine's own addresses? (Binding to it succeeds only then;
    nothing is sent.)"""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.bind((ip, 0))
        except OSError:
            return False
    return True


def _checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


def echo_request(sequence: int, payload: bytes = b"ocs-desktop") -> bytes:
    """An ICMP echo request (the kernel sets the identifier of a datagram socket)."""
    header = struct.pack("!BBHHH", _ECHO_REQUEST, 0, 0, 0, sequence & 0xFFFF)
    checksum = _checksum(header + payload)
    return struct.pack("!BBHHH", _ECHO_REQUEST, 0, checksum, 0, sequence & 0xFFFF) + payload


def icmp_alive(scope: Scope, ip: str, timeout: float, sequence: int = 1) -> bool:
    """Did ``ip`` answer an echo request within ``timeout`` seconds?"""
    address = str(scope.require(ip))
    deadline = time.monotonic() + timeout
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP) as sock:
        try:
            sock.connect((address, 0))
            sock.send(echo_request(sequence))
            while (left := deadline - time.monotonic()) > 0:
                sock.settimeout(left)
                reply = sock.recv(2048)
                if reply and reply[0] == _ECHO_REPLY:
                    return True
        except OSError:  # timeout, host unreachable (no ARP answer), network down
            return False
    return False


def tcp_alive(scope: Scope, ip: str, timeout: float, ports: tuple[int, ...] = TCP_PORTS) -> bool:
    """Did ``ip`` accept or refuse a connection on one of ``ports`` within ``timeout``?"""
    address = str(scope.require(ip))
    sockets: list[socket.socket] = []
    try:
        for port in ports:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sockets.append(sock)
            code = sock.connect_ex((address, port))
            if code in (0, errno.ECONNREFUSED):
                return True
        deadline = time.monotonic() + timeout
        pending = list(sockets)
        while pending and (left := deadline - time.monotonic()) > 0:
            _, ready, failed = select.select([], pending, pending, left)  # Windows: failed
            for sock in {*ready, *failed}:
                code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code in (0, errno.ECONNREFUSED, getattr(errno, "WSAECONNREFUSED", -1)):
                    return True
                pending.remove(sock)
        return False
    finally:
        for sock in sockets:
            sock.close()


def probe(scope: Scope, ip: str, method: Method, timeout: float) -> bool:
    """Is ``ip`` alive, asked with ``method``? Refuses (ScopeError) before sending anything
    when ``ip`` is outside ``scope``."""
    if method is Method.ICMP:
        return icmp_alive(scope, ip, timeout, sequence=os.getpid())
    return tcp_alive(scope, ip, timeout)
