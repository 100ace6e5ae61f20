from django.contrib import admin

from congress.models import Congress, CongressRole, Organisation, RulesSettings, Session


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "upper_committee", "place"]
    search_fields = ["name", "upper_committee"]
    prepopulated_fields = {}


class CongressRoleInline(admin.TabularInline):
    model = CongressRole
    extra = 1
    autocomplete_fields = ["user"]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Congress)
class CongressAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date", "status"]
    list_filter = ["status", "organisation"]
    search_fields = ["organisation__name", "slug"]
    inlines = [SessionInline, CongressRoleInline]


@admin.register(CongressRole)
class CongressRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "congress"]
    list_filter = ["role", "congress"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(RulesSettings)
class RulesSettingsAdmin(admin.ModelAdmin):
    list_display = [
        "congress",
        "surplus_cap_percent",
        "outside_nominee_percent",
        "quorum_numerator",
        "quorum_denominator",
    ]
    list_filter = ["congress__organisation"]
