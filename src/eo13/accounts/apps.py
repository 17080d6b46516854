from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eo13.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from eo13.accounts import signals  # noqa: F401  (connects the receivers)
        # Connects the sign-in stamp the session rules read (issue 15).
        from eo13.accounts import checks, session_policy  # noqa: F401
