from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from eo13.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0


@admin.register(User)
class EO13UserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [MembershipInline]
