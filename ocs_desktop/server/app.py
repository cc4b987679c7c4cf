"""The ASGI application: routes, request dispatch by QUERY, and error-to-status mapping.

Every agent message is a POST under ``/ocsinventory``; its QUERY picks the handler in
``queries.QUERIES``. Failures map to the reference's statuses (PROTOCOL 1.8): a request we
cannot read is 400 with a log line naming the error code, a database failure is 500 with a
log line, and the process keeps serving so it recovers when the database comes back. A
database that does not answer at all is 503, within seconds (``db_health``).

Bodies are decompressed and parsed in at most ``decode_threads`` threads per worker, so
a burst of large or hostile bodies costs a bounded amount of memory, not one document per
request at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import anyio.to_thread
from anyio import CapacityLimiter
from lxml import etree
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from ocs_desktop import __version__
from ocs_desktop.db.named_locks import LockBusy
from ocs_desktop.fleet.server_status import VERSION_HEADER
from ocs_desktop.protocol import (
    AgentRequest,
    InventoryError,
    Limits,
    decode_body,
    parse_xml,
    request_from_root,
)
from ocs_desktop.server import admin_upload
from ocs_desktop.server.context import ServerContext
from ocs_desktop.server.db_health import DatabaseUnavailable
from ocs_desktop.server.files import package_file
from ocs_desktop.server.label import deploy_content
from ocs_desktop.server.limits import BodyError, read_body
from ocs_desktop.server.logs import AccessLogMiddleware
from ocs_desktop.server.queries import handler_for
from ocs_desktop.server.queries.call import AgentCall, write_activity
from ocs_desktop.server.replies import empty_response
from ocs_desktop.server.settings import ServerSettings
from ocs_desktop.server.useragent import sanitize

log = logging.getLogger(__name__)
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
#: How often a worker asks its ingestor whether a software-summary fold is due.
FOLD_CHECK_S = 1.0


def _parse(body: bytes, limits: Limits) -> tuple[AgentRequest, etree._Element]:
    decoded = decode_body(body, limits)
    root = parse_xml(decoded.xml, limits)
    return request_from_root(root, decoded.compression), root


class Handlers:
    """The endpoints, bound to one ``ServerContext``."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self._decoding: CapacityLimiter | None = None

    async def ocsinventory(self, request: Request) -> Response:
        """Every agent message, and the GET of ``deploy/<name>``."""
        if request.method in ("GET", "HEAD"):
            return await self._get(request)
        if request.method != "POST":
            return empty_response(403)
        try:
            return await self._post(request)
        except BodyError as error:
            log.warning("refused request body: %s (%s)", error, error.code)
            return empty_response(error.status, {"Connection": "close"})
        except InventoryError as error:
            log.warning("bad request: %s (%s)", error.message, error.code)
            write_activity(self.ctx, request, 400, "request", error.code)
            return empty_response(400)
        except (DatabaseUnavailable, PoolTimeout) as error:
            log.warning("database unavailable: %s (db.unavailable)", error)
            write_activity(self.ctx, request, 503, "database", "unavailable")
            return empty_response(503)
        except LockBusy as error:  # nothing written; the agent sends it again at its next run
            log.warning("busy: %s (db.lock_busy)", error)
            write_activity(self.ctx, request, 503, "database", "lock busy")
            return empty_response(503)
        except SQLAlchemyError as error:
            log.error("database error: %s", getattr(error, "orig", None) or error)
            write_activity(self.ctx, request, 500, "database", type(error).__name__)
            return empty_response(500)
        except Exception:  # never a 200, never a dead worker: log it and answer 500
            log.exception("unexpected error while answering a request")
            write_activity(self.ctx, request, 500, "server", "unexpected error")
            return empty_response(500)

    async def _post(self, request: Request) -> Response:
        """Read and parse the message, then let the handler of its QUERY answer."""
        settings = self.ctx.settings
        body = await read_body(
            request, settings.max_body_bytes, settings.body_timeout_s, settings.min_body_rate
        )
        if self._decoding is None:  # created lazily: it must belong to the running loop
            self._decoding = CapacityLimiter(settings.decode_threads)
        message, root = await anyio.to_thread.run_sync(
            _parse, body, self.ctx.limits, limiter=self._decoding
        )
        del body  # the XML tree is what is used from here on
        state = request.scope["state"]
        state["deviceid"], state["query"] = message.deviceid, message.query
        call = AgentCall(
            ctx=self.ctx,
            request=request,
            message=message,
            root=root,
            useragent=sanitize(request.headers.get("user-agent")),
            remote=request.client.host if request.client else None,
        )
        return await handler_for(message.query)(call)

    async def _get(self, request: Request) -> Response:
        parts = request.url.path.strip("/").split("/")
        if len(parts) == 3 and parts[1] == "deploy":
            try:
                options = await self.ctx.run(self.ctx.options)
                if not options.ivalue("DEPLOY", 0):
                    return empty_response(403)
                content = await self.ctx.run(deploy_content, self.ctx.engine, parts[2])
            except (DatabaseUnavailable, PoolTimeout):
                return empty_response(503)
            except SQLAlchemyError as error:
                log.error("database error: %s", getattr(error, "orig", None) or error)
                return empty_response(500)
            if content is None:
                return empty_response(400)
            return Response(content, media_type="Application/octet-stream")
        if len(parts) >= 2 and parts[1] == "update":
            return empty_response(403)  # deprecated agent self-update: UPDATE is off
        return empty_response(400)

    async def download(self, request: Request) -> Response:
        """Package files, streamed, with Range support (FileResponse)."""
        root = self.ctx.settings.download_dir
        if not root:
            return empty_response(404)
        found = package_file(Path(root), request.path_params["fileid"], request.path_params["name"])
        if found is None:
            return empty_response(404)
        return FileResponse(found, media_type="application/octet-stream")

    async def health(self, request: Request) -> Response:
        """200 when the database answers, 503 otherwise (for load balancers and probes);
        within ``db_health.PROBE_TIMEOUT_S`` whatever the database does."""
        problem = await self.ctx.gate.check()
        version = {VERSION_HEADER: __version__}  # the console's Server status tab shows it
        if problem is not None:
            body = {"status": "error", "database": problem}
            return JSONResponse(body, status_code=503, headers=version)
        return JSONResponse({"status": "ok"}, headers=version)


async def fold_periodically(ctx: ServerContext, every_s: float) -> None:
    """Fold the software summary's pending machines off the request path.

    Inside a request, the fold would make one agent in a few hundred wait for it. Machines
    still pending when the worker stops stay pending: any later fold (another worker, the
    importer, the console before it reads) counts them.
    """
    while True:
        await asyncio.sleep(every_s)
        try:
            await ctx.run(ctx.fold_if_due)
        except DatabaseUnavailable:
            pass  # logged once by the gate; folded when the database answers again
        except Exception:
            log.exception("folding the software summary failed; trying again later")


def create_app(settings: ServerSettings, engine: Engine | None = None) -> Starlette:
    """The application for ``settings`` (tests may pass their own engine)."""
    ctx = ServerContext(settings, engine)
    handlers = Handlers(ctx)
    uploads = admin_upload.PackageUploads(ctx)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [
            asyncio.create_task(fold_periodically(ctx, FOLD_CHECK_S)),
            asyncio.create_task(ctx.gate.watch()),
        ]
        try:
            await uploads.warn_if_default_login()  # bounded: a frozen database does not stop us
            yield
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await ctx.gate.settle()
            if engine is None:
                ctx.close()
            else:
                ctx.probe_engine.dispose()

    app = Starlette(
        routes=[
            Route("/ocsinventory", handlers.ocsinventory, methods=ALL_METHODS),
            Route("/ocsinventory/{rest:path}", handlers.ocsinventory, methods=ALL_METHODS),
            Route("/download/{fileid}/{name}", handlers.download, methods=["GET", "HEAD"]),
            Route("/health", handlers.health, methods=["GET", "HEAD"]),
            *admin_upload.routes(uploads),
        ],
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    app.add_middleware(AccessLogMiddleware)
    return app


def create_app_from_env() -> Starlette:
    """uvicorn factory for ``ocs-desktop serve`` (settings come from the environment)."""
    return create_app(ServerSettings.from_env())
