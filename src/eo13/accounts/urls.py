from django.urls import include, path

from eo13.accounts import mfa, oidc, views

urlpatterns = [
    path("oidc/authenticate/", oidc.CitySignInStart.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", oidc.CitySignInCallback.as_view(), name="oidc_authentication_callback"),
    path("accounts/logout/", views.sign_out, name="logout"),
    path("accounts/sign-out-everywhere/", views.sign_out_everywhere, name="sign-out-everywhere"),
    path("accounts/second-factor/", mfa.second_factor, name="second-factor"),
    path("accounts/second-factor/recovery-codes/", mfa.recovery_codes_renew, name="recovery-codes-renew"),
    path("accounts/second-factor/passkey-added/", mfa.passkey_added, name="passkey-added"),
    path("accounts/passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("staff/people/sign-in-groups/", views.group_mappings, name="group-mappings"),
]
