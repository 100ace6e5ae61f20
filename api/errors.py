"""One error body for every refusal: ``{"error": {"code", "message", "fields"}}``, messages in Vietnamese.

The services' own refusals (ElectionError, CongressError, MembersError,
rules.RuleError, Django's ValidationError) are 409: the request was
understood, the rules refuse it in the congress's present state. A request
that does not fit the schema is 422, unreadable JSON 400, no or a bad token
401, a wrong role 403, an outsider or an unknown id 404 (as on the pages).
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from congress import rules
from congress.exceptions import CongressError
from elections.exceptions import ElectionError
from members.services import MembersError

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, str] = {}


class ErrorOut(Schema):
    error: ErrorDetail


class ApiError(Exception):
    """A refusal raised by the API layer itself (not by a service)."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}


# Statuses every operation documents, so clients (and the schema fuzzer) know the error body.
ERROR_STATUSES = (400, 401, 403, 404, 409, 413, 422)


def error_responses() -> dict[int, type]:
    return dict.fromkeys(ERROR_STATUSES, ErrorOut)


def body(code: str, message: str, fields: dict[str, str] | None = None) -> dict:
    return {"error": {"code": code, "message": str(message), "fields": {k: str(v) for k, v in (fields or {}).items()}}}


# Pydantic's error types, said in Vietnamese (the rest fall back to a general sentence).
_TYPE_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "int_parsing": "Phải là một số nguyên.",
    "int_type": "Phải là một số nguyên.",
    "int_from_float": "Phải là một số nguyên.",
    "string_type": "Phải là một chuỗi ký tự.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "list_type": "Phải là một danh sách.",
    "dict_type": "Phải là một đối tượng JSON.",
    "model_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "greater_than_equal": "Giá trị quá nhỏ.",
    "greater_than": "Giá trị quá nhỏ.",
    "less_than_equal": "Giá trị quá lớn.",
    "less_than": "Giá trị quá lớn.",
    "string_too_long": "Chuỗi quá dài.",
    "string_too_short": "Chuỗi quá ngắn.",
    "too_long": "Quá nhiều phần tử.",
    "too_short": "Quá ít phần tử.",
    "literal_error": "Giá trị không thuộc các giá trị cho phép.",
    "enum": "Giá trị không thuộc các giá trị cho phép.",
    "extra_forbidden": "Trường này không được chấp nhận.",
    "json_invalid": "JSON không hợp lệ.",
}


def _location(loc) -> str:
    parts = [str(p) for p in loc]
    # ninja prefixes "body"/"query"/"path" and the parameter's name; keep what the client wrote.
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
        if len(parts) > 1 and parts[0] in ("payload", "data", "params"):
            parts = parts[1:]
    return ".".join(parts) or "body"


def validation_fields(errors: list[dict]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in errors:
        where = _location(error.get("loc", ()))
        fields.setdefault(where, _TYPE_MESSAGES.get(error.get("type", ""), "Giá trị không hợp lệ."))
    return fields


def _domain_fields(exc) -> dict[str, str]:
    field = getattr(exc, "field", None)
    return {field: str(exc)} if field else {}


def install(api) -> None:
    """Register the handlers on the NinjaAPI ``api``: every failure gets the one error body."""

    def respond(request, status: int, code: str, message: str, fields=None):
        return api.create_response(request, body(code, message, fields), status=status)

    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.fields)

    @api.exception_handler(NinjaValidationError)
    def _invalid(request, exc: NinjaValidationError):
        fields = validation_fields(exc.errors)
        return respond(request, 422, "invalid", "Dữ liệu gửi lên không hợp lệ: " + "; ".join(fields), fields)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        return respond(
            request,
            401,
            "unauthenticated",
            "Cần mã truy cập API hợp lệ (tiêu đề Authorization: Bearer <mã>); mã đã thu hồi không dùng được.",
        )

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        if exc.status_code == 400:
            return respond(request, 400, "malformed", "Nội dung yêu cầu không phải JSON hợp lệ.")
        if exc.status_code == 429:
            return respond(request, 429, "throttled", "Quá nhiều yêu cầu; hãy thử lại sau.")
        return respond(request, exc.status_code, "http_error", "Yêu cầu không được chấp nhận.")

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return respond(request, 404, "not_found", "Không tìm thấy (hoặc bạn không có quyền xem).")

    @api.exception_handler(PermissionDenied)
    def _forbidden(request, exc):
        return respond(request, 403, "forbidden", "Vai trò của bạn trong đại hội này không được làm việc này.")

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request, exc):
        return respond(request, 413, "too_large", "Nội dung yêu cầu quá lớn.")

    @api.exception_handler(ElectionError)
    def _election(request, exc: ElectionError):
        return respond(request, 409, "refused", str(exc), _domain_fields(exc))

    @api.exception_handler(CongressError)
    def _congress(request, exc: CongressError):
        return respond(request, 409, "refused", str(exc))

    @api.exception_handler(MembersError)
    def _members(request, exc: MembersError):
        return respond(request, 409, "refused", str(exc))

    @api.exception_handler(rules.RuleError)
    def _rule(request, exc: rules.RuleError):
        return respond(request, 409, "refused", str(exc))

    @api.exception_handler(DjangoValidationError)
    def _django_invalid(request, exc: DjangoValidationError):
        fields = {k: " ".join(v) for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
        return respond(request, 422, "invalid", " ".join(exc.messages), fields)

    @api.exception_handler(Exception)
    def _unexpected(request, exc: Exception):
        logger.exception("API: unexpected error on %s %s", request.method, request.path)
        return respond(request, 500, "server_error", "Lỗi máy chủ; thao tác không được ghi nhận.")
