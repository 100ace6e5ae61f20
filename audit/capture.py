"""Record every change of congress data in the audit log, whatever the code path.

Django's model signals see every ``save()``/``delete()`` and every change of a
many-to-many relation, so one set of receivers covers the services, the admin
and the shell alike. Not seen (by Django's design): ``QuerySet.update()``,
``bulk_create()`` and raw SQL; the services do not use them for congress data
(the sealed election rows and the journal refuse bulk writes anyway).

The receivers run inside the transaction of the change: a change and its record
are kept or lost together.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from audit import context
from audit.models import AuditEntry
from congress.models import Congress, Organisation

# Every model of the project's apps is audited, unless excluded here with its reason.
NOT_AUDITED_APPS = {
    "audit",  # the log itself
    "api",  # credentials (API tokens) and replay keys, not congress data
}
# Histories of their own: recording them again would only double them. The
# election journal is shown with the audit log (audit.views).
NOT_AUDITED = {"elections.journalentry", "members.memberchange"}


@functools.cache
def _project_apps() -> frozenset[str]:
    """The labels of the apps of this project (not Django's or third parties')."""
    root = Path(settings.BASE_DIR).resolve()
    return frozenset(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root and config.label not in NOT_AUDITED_APPS
    )


_paths: dict[type, tuple[str, ...] | None] = {}


def is_audited(model) -> bool:
    meta = model._meta
    if model.__module__ == "__fake__":  # historical models inside migrations
        return False
    return meta.app_label in _project_apps() and meta.label_lower not in NOT_AUDITED


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not isinstance(f, models.BinaryField)]


def snapshot(instance) -> dict[str, Any]:
    """The instance's field values as JSON (foreign keys as ids)."""
    return {f.name: _jsonable(f.value_from_object(instance)) for f in _fields(type(instance))}


def _path_to_scope(model) -> tuple[str, ...] | None:
    """The foreign-key path from ``model`` to its congress (else its organisation), found once per model.

    Breadth first, so the shortest path wins: BallotEntry → round → election → congress.
    """
    if model in _paths:
        return _paths[model]
    found = None
    level: list[tuple[type, tuple[str, ...]]] = [(model, ())]
    seen = {model}
    for _depth in range(4):
        to_congress, to_organisation, following = [], [], []
        for current, path in level:
            for field in current._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target is Congress:
                    to_congress.append((*path, field.name))
                elif target is Organisation:
                    to_organisation.append((*path, field.name))
                elif target is not None and target not in seen and target._meta.app_label in _project_apps():
                    seen.add(target)
                    following.append((target, (*path, field.name)))
        if to_congress or to_organisation:
            found = (to_congress or to_organisation)[0]
            break
        level = following
    _paths[model] = found
    return found


def scope(instance) -> tuple[int | None, int | None]:
    """(congress id, organisation id) the instance belongs to."""
    if isinstance(instance, Congress):
        return instance.pk, instance.organisation_id
    if isinstance(instance, Organisation):
        return None, instance.pk
    path = _path_to_scope(type(instance))
    if not path:
        return None, None
    obj = instance
    try:
        for name in path[:-1]:
            obj = getattr(obj, name)
            if obj is None:
                return None, None
    except ObjectDoesNotExist:
        return None, None
    field = obj._meta.get_field(path[-1])
    value = getattr(obj, field.attname)
    if field.related_model is Congress:
        return value, None
    return None, value


def record(instance, verb: str, before: dict | None, after: dict | None, *, model=None) -> None:
    model = model or type(instance)
    actor = context.current()
    user = actor.resolve_user() if actor else None
    congress_id, organisation_id = scope(instance)
    meta = model._meta
    AuditEntry.objects.create(
        congress_id=congress_id,
        organisation_id=organisation_id,
        actor=user,
        actor_name=user.get_username() if user else "",
        app=meta.app_label,
        action=f"{meta.label_lower}.{verb}",
        object_type=meta.label_lower,
        object_id=str(instance.pk or ""),
        object_repr=str(instance)[:200],
        before=before,
        after=after,
        request_id=actor.request_id if actor else "",
        ip=actor.ip if actor else None,
    )


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    instance._audit_old = None
    if instance.pk is not None and not instance._state.adding:
        names = {f.attname: f.name for f in _fields(sender)}
        row = sender._base_manager.filter(pk=instance.pk).values(*names).first()
        if row is not None:
            instance._audit_old = {names[k]: _jsonable(v) for k, v in row.items()}


def _post_save(sender, instance, created, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    now = snapshot(instance)
    old = getattr(instance, "_audit_old", None)
    instance._audit_old = None
    if created or old is None:
        record(instance, "created", None, now)
        return
    changed = [name for name, value in now.items() if old.get(name) != value]
    if changed:
        record(instance, "changed", {n: old.get(n) for n in changed}, {n: now[n] for n in changed})


def _post_delete(sender, instance, **kwargs):
    if not is_audited(sender):
        return
    record(instance, "deleted", snapshot(instance), None)


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or not is_audited(type(instance)):
        return
    field = next(
        (f for f in type(instance)._meta.many_to_many if f.remote_field.through is sender),
        None,
    )
    name = field.name if field else sender._meta.model_name
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    ids = sorted(pk_set) if pk_set else []
    record(
        instance,
        f"{name}.{verb}",
        {name: ids} if verb != "added" else None,
        {name: ids} if verb == "added" else None,
    )


def connect() -> None:
    pre_save.connect(_pre_save, dispatch_uid="audit_pre_save")
    post_save.connect(_post_save, dispatch_uid="audit_post_save")
    post_delete.connect(_post_delete, dispatch_uid="audit_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="audit_m2m_changed")
