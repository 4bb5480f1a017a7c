"""`lineofsight demo-users`: one demo user per role, sharing one password."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.accounts.services import DEMO_PASSWORD, demo_users_reset


class Command(BaseCommand):
    help = (
        "Create, or reset, one demo user for each role (social.worker, team.manager, ...), "
        "all with one password, linked to a matching worker where the database has one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=DEMO_PASSWORD,
            help=f"the password every demo user gets (default: {DEMO_PASSWORD})",
        )

    def handle(self, *args: object, **options: str) -> None:
        password = options["password"]
        try:
            demo_users = demo_users_reset(password=password)
        except ValidationError as error:
            raise CommandError("the password is too weak: " + " ".join(error.messages)) from error
        rows = [("Username", "Role", "Worker record", "Password")]
        rows += [
            (
                demo.username,
                demo.role.label,
                f"{demo.worker} ({demo.worker.staff_id})" if demo.worker else "-",
                password,
            )
            for demo in demo_users
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        for number, row in enumerate(rows):
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        created = sum(demo.created for demo in demo_users)
        self.stdout.write(
            f"{created} created, {len(demo_users) - created} reset. Sign in at /accounts/sign-in/"
        )
