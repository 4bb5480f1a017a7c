"""`lineofsight synth`: a synthetic council, into the database or a frames directory."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from lineofsight.core.models import Council
from lineofsight.journey.domain.frames import FrameError, frames_write_parquet
from lineofsight.journey.frames_db import frames_load


class Command(BaseCommand):
    help = (
        "Generate a synthetic council calibrated to its published DfE figures: "
        "load it into the database, or write Parquet frames with --out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--la", required=True, help="council name, or England for every council"
        )
        parser.add_argument(
            "--year", type=int, required=True, help="year ending 31 March, e.g. 2017"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--history-years", type=int, default=6)
        parser.add_argument("--out", type=Path, help="write Parquet frames here instead")
        parser.add_argument("--processes", type=int, default=2, help="with --la England")
        parser.add_argument("--if-empty", action="store_true", help="do nothing if data exists")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        from lineofsight.core.domain.published import UnknownCouncilError
        from lineofsight.synth.england import synthesise_england

        progress = not options["no_progress"]
        if options["la"].strip().lower() == "england":
            if not options["out"]:
                raise CommandError("--la England writes every council to Parquet: give --out DIR")
            written = synthesise_england(
                year=options["year"],
                seed=options["seed"],
                out=options["out"],
                processes=options["processes"],
                progress=progress,
            )
            self.stdout.write(f"wrote {len(written)} councils to {options['out']}")
            return
        if not options["out"] and Council.objects.exists():
            held = Council.objects.get()
            if options["if_empty"]:
                self.stdout.write(f"the database already holds {held}; nothing to do")
                return
            raise CommandError(
                f"nothing was loaded: the database already holds {held}; a database serves one "
                "council (use a fresh database, or --out DIR)"
            )
        try:
            council = self._synthesise(options, progress)
        except UnknownCouncilError as error:
            raise CommandError(str(error)) from error
        if options["out"]:
            paths = frames_write_parquet(options["out"], council.frames)
            self.stdout.write(
                f"wrote {len(paths)} frames for {council.info.name} to {options['out']}"
            )
            return
        try:
            counts = self._load(council, progress)
        except FrameError as error:
            raise CommandError(f"nothing was loaded: {error}") from error
        total = sum(table["added"] for table in counts.values())
        self.stdout.write(f"loaded {council.info.name} {options['year']}: {total:,} records")
        from lineofsight.timescales.services import deadlines_refresh

        result = deadlines_refresh(acting_user=None, frames=council.frames)
        self.stdout.write(
            f"deadlines on {result.as_of:%d %B %Y}: {result.deadlines:,} "
            f"({result.open_deadlines:,} open); open cases: {result.cases:,}"
        )

    def _synthesise(self, options, progress):
        from lineofsight.synth.council import synthesise_council

        bar = tqdm(total=None, desc="synthesising", disable=not progress, unit=" steps")

        def step(message: str) -> None:
            bar.set_postfix_str(message)
            bar.update(1)

        try:
            return synthesise_council(
                la=options["la"],
                year=options["year"],
                seed=options["seed"],
                history_years=options["history_years"],
                progress=step,
            )
        finally:
            bar.close()

    @transaction.atomic
    def _load(self, council, progress):
        if Council.objects.exists():
            raise FrameError(
                f"the database already holds {Council.objects.get()}: "
                "a database serves one council (use a fresh database, or --out)"
            )
        with tqdm(total=len(council.frames), desc="loading", disable=not progress) as bar:

            def step(message: str) -> None:
                bar.set_postfix_str(message)
                bar.update(1)

            counts = frames_load(
                frames=council.frames, reason=f"synth seed {council.seed}", progress=step
            )
        Council.objects.create(
            name=council.info.name,
            la_number=council.info.la_number,
            la_code=council.info.la_code or "",
            region=council.info.region or "",
            reference_date=council.reference_date,
            child_population=council.figures.population,
            is_synthetic=True,
            synth_seed=council.seed,
        )
        return counts
