"""The JSON API: /api/v1/…, its OpenAPI document at /api/openapi.json and docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from api import errors
from api.endpoints import congresses, counting, elections, results

api = NinjaAPI(
    title="Đại hội API",
    version="1",
    description=(
        "API JSON cho thiết bị và cấp ủy cấp trên: điểm danh, biểu quyết, bầu cử, kết quả. "
        "Xác thực: `Authorization: Bearer <mã>` (tạo mã ở /accounts/tokens/). Lỗi luôn có dạng "
        '`{"error": {"code", "message", "fields"}}`. Yêu cầu thay đổi dữ liệu nhận tiêu đề `Idempotency-Key`.'
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.install(api)
api.add_router("/v1/", congresses.router)
api.add_router("/v1/", elections.router)
api.add_router("/v1/", counting.router)
api.add_router("/v1/", results.router)
