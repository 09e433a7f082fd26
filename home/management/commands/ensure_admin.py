import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin account exists for the local site and print its login. "
        "The password is made once and kept in var/admin-login.txt (readable by you only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        login_file = settings.VAR_DIR / "admin-login.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is not None and login_file.exists():
            password = login_file.read_text(encoding="utf-8").strip()
            if not user.check_password(password):
                password = None
        if password is None:
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(username, "admin@localhost", password)
            else:
                user.set_password(password)
                user.is_superuser = user.is_staff = user.is_active = True
                user.save()
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.touch(mode=0o600)
            login_file.write_text(password + "\n", encoding="utf-8")
        self.stdout.write(f"Admin login: {username} / {password}")
