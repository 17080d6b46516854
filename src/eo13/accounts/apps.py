from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eo13.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        # Connects the sign-in stamp the session rules read (issue 15).
        from eo13.accounts import (  # noqa: F401
            checks,
            session_policy,
            signals,
        )
