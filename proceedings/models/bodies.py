"""The congress's bodies: presidium, secretariat, vote-counting board."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.Model):
    """A body of the congress adopted by show of hands: presidium, secretariat, vote-counting board."""

    class Kind(models.TextChoices):
        PRESIDIUM = "presidium", _("Presidium")
        SECRETARIAT = "secretariat", _("Secretariat")
        COUNTING_BOARD = "counting_board", _("Vote-counting board")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="bodies", verbose_name=_("congress")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    members = models.ManyToManyField(
        "members.Member", blank=True, related_name="congress_bodies", verbose_name=_("members")
    )

    class Meta:
        db_table = "congress_body"
        verbose_name = _("body of the congress")
        verbose_name_plural = _("bodies of the congress")
        ordering = ["congress", "kind"]
        constraints = [models.UniqueConstraint(fields=["congress", "kind"], name="body_one_per_kind")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """Return the body's name as printed in the programme ("Ban Kiểm phiếu")."""
        return BODY_NAMES[self.kind]


# Printed names: the documents are always in Vietnamese.
BODY_NAMES = {
    Body.Kind.PRESIDIUM: "Đoàn Chủ tịch",
    Body.Kind.SECRETARIAT: "Đoàn Thư ký",
    Body.Kind.COUNTING_BOARD: "Ban Kiểm phiếu",
}
