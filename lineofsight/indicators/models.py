"""Stored indicator values and published benchmarks (model §6)."""

from django.db import models


class OrgUnitLevel(models.TextChoices):
    LA = "la", "Local authority"
    TEAM = "team", "Team"
    WORKER = "worker", "Worker"


class IndicatorValue(models.Model):
    """A computed value kept so a board pack can be reproduced exactly."""

    code = models.CharField(max_length=60)
    version = models.PositiveIntegerField()
    code_version = models.CharField(max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    org_unit_level = models.CharField(max_length=6, choices=OrgUnitLevel.choices)
    org_unit = models.CharField(max_length=40)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now_add=True)
    # The board pack snapshot this value was presented in (values are kept per snapshot).
    snapshot = models.ForeignKey(
        "reports.ScorecardSnapshot",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="values",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "snapshot",
                    "code",
                    "version",
                    "period_start",
                    "period_end",
                    "org_unit_level",
                    "org_unit",
                ],
                name="indicator_value_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version} {self.period_end} {self.org_unit}: {self.value}"


class AreaLevel(models.TextChoices):
    LA = "la", "Local authority"
    REGION = "region", "Region"
    ENGLAND = "england", "England"
    STATISTICAL_NEIGHBOURS = "sn", "Statistical neighbours"


class BenchmarkValue(models.Model):
    measure = models.CharField(max_length=60)
    year = models.CharField(max_length=20)
    area_level = models.CharField(max_length=8, choices=AreaLevel.choices)
    area = models.CharField(max_length=80)
    value = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "area_level", "area", "source"], name="benchmark_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.year} {self.area}: {self.value}"
